using System.ComponentModel.DataAnnotations;
using Agora.Web.Resources;
using Microsoft.Extensions.Localization;

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

    /// <summary>The bounds of a sum of money in whole euros, for <c>[Range(typeof(long), V.MoneyMin, V.MoneyMax, …)]</c>
    /// on a <c>long</c> property. A [Range] with int bounds converts the value to int and throws on anything beyond
    /// 2³¹ (an answer 500); compared as long, 9 999 999 999 gets the range message like any other wrong amount.</summary>
    public const string MoneyMin = "1";
    public const string MoneyMax = "1000000000";
}

/// <summary>A checkbox that must be ticked (terms, "I understand this cannot be undone").</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeTrueAttribute : ValidationAttribute
{
    // MVC localizes messages only for attributes it has adapters for; this one asks the localizer itself.
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is true)
            return ValidationResult.Success;
        var l = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
        var name = validationContext.DisplayName;
        if (l != null)
            name = l[name];
        var message = l?[ErrorMessage ?? V.MustAccept, name].Value ?? FormatErrorMessage(name);
        return new ValidationResult(message, validationContext.MemberName is { } m ? [m] : null);
    }
}
