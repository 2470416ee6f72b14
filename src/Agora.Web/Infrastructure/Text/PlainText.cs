using System.Buffers;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Agora.Web.Infrastructure.Text;

/// <summary>
/// Unicode's invisible direction controls: the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069 and
/// the marks U+200E, U+200F, U+061C. In a name or a title they make text read differently from what it is (U+202E then "gpj.exe"
/// shows as "exe.jpg") and can turn the rest of a page or an e-mail around; Bulgarian and English text needs none.
/// </summary>
public static class PlainText
{
    private static readonly SearchValues<char> BidiControls =
        SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    public static bool HasBidiControls(string? value) => value != null && value.AsSpan().ContainsAny(BidiControls);

    /// <summary>The text without direction controls; the same instance when it has none.</summary>
    public static string? StripBidiControls(string? value)
    {
        if (!HasBidiControls(value))
            return value;
        return string.Create(value!.Length - Count(value), value, (span, source) =>
        {
            var n = 0;
            foreach (var c in source)
            {
                if (!BidiControls.Contains(c))
                    span[n++] = c;
            }
        });
    }

    private static int Count(string value)
    {
        var n = 0;
        foreach (var c in value)
        {
            if (BidiControls.Contains(c))
                n++;
        }
        return n;
    }
}

/// <summary>
/// The one place where posted text is cleaned: every string that model binding reads from a form, a query or a route
/// (names, titles, bodies, list items) comes without <see cref="PlainText"/>'s direction controls, so no page model has
/// to remember it. Passwords (<c>[DataType(DataType.Password)]</c>) are left exactly as typed.
/// </summary>
public sealed class PlainTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Metadata.ModelType != typeof(string) || context.Metadata.DataTypeName == nameof(DataType.Password))
            return null;
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new PlainTextModelBinder(new SimpleTypeModelBinder(typeof(string), loggers));
    }
}

public sealed class PlainTextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string s && PlainText.HasBidiControls(s))
        {
            // Nothing but controls is an empty field, as an empty field would have bound.
            var plain = PlainText.StripBidiControls(s);
            bindingContext.Result = ModelBindingResult.Success(
                string.IsNullOrWhiteSpace(plain) && bindingContext.ModelMetadata.ConvertEmptyStringToNull ? null : plain);
        }
    }
}
