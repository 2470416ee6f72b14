namespace Agora.Web.Infrastructure.Web;

/// <summary>Resource keys of validation messages, for [Required(ErrorMessage = V.Required)] and friends.</summary>
public static class V
{
    public const string Required = "Validation.Required";
    public const string Email = "Validation.Email";
    public const string Length = "Validation.Length";
    public const string MaxLength = "Validation.MaxLength";
    public const string Compare = "Validation.Compare";
    public const string Range = "Validation.Range";
    public const string MustAccept = "Validation.MustAccept";
}

/// <summary>A checkbox that must be ticked (terms, "I understand this cannot be undone").</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeTrueAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
{
    public override bool IsValid(object? value) => value is true;
}
