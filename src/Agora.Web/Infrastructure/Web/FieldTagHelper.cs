using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Agora.Web.Infrastructure.Web;

/// <summary>
/// One accessible form field: label, hint, error beside the field (linked by aria-describedby, marked
/// aria-invalid) and the input keeping what the person typed — except passwords, which are never echoed.
/// Usage: &lt;field for="Input.Email" type="email" autocomplete="email" /&gt;.
/// </summary>
[HtmlTargetElement("field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder enc) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>text, email, password, number, date, datetime-local, time, url, tel, checkbox, textarea, select,
    /// checkboxes (a fieldset of <see cref="Items"/>, ticked where <c>Selected</c>).</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>Already localized hint text shown under the label.</summary>
    public string? Hint { get; set; }

    public IEnumerable<SelectListItem>? Items { get; set; }

    public int Rows { get; set; } = 5;

    public string? Inputmode { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var metadata = For.Metadata;
        var label = metadata.DisplayName ?? metadata.PropertyName ?? name;
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var required = metadata.IsRequired && Type is not ("checkbox" or "checkboxes");
        string E(string s) => enc.Encode(s);

        var described = new List<string>();
        if (Hint != null) described.Add(id + "-hint");
        if (errors.Count > 0) described.Add(id + "-error");
        var aria = (described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "")
                   + (errors.Count > 0 ? " aria-invalid=\"true\"" : "")
                   + (required ? " required" : "")
                   + (Autocomplete != null ? $" autocomplete=\"{E(Autocomplete)}\"" : "")
                   + (Inputmode != null ? $" inputmode=\"{E(Inputmode)}\"" : "");

        // What the person typed wins over the model, so a failed post shows their own input again.
        var value = state?.AttemptedValue ?? Convert.ToString(For.Model, CultureInfo.InvariantCulture) ?? "";
        if (For.Model is DateTime dt && state?.AttemptedValue == null)
            value = dt.ToString(Type == "date" ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        if (For.Model is DateOnly day && state?.AttemptedValue == null)
            value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (For.Model is TimeOnly time && state?.AttemptedValue == null)
            value = time.ToString("HH:mm", CultureInfo.InvariantCulture);

        var hint = Hint != null ? $"<p class=\"hint\" id=\"{id}-hint\">{E(Hint)}</p>" : "";
        var error = errors.Count > 0
            ? $"<p class=\"error\" id=\"{id}-error\">{string.Join("<br>", errors.Select(E))}</p>"
            : "";

        string control;
        switch (Type)
        {
            case "checkbox":
                var isChecked = state?.AttemptedValue != null
                    ? state.AttemptedValue.Contains("true", StringComparison.OrdinalIgnoreCase)
                    : For.Model is true;
                control = $"<input type=\"checkbox\" id=\"{id}\" name=\"{E(name)}\" value=\"true\"{(isChecked ? " checked" : "")}{aria}>" +
                          $"<label for=\"{id}\">{E(label)}</label><input type=\"hidden\" name=\"{E(name)}\" value=\"false\">";
                output.Content.SetHtmlContent($"{error}<div class=\"check\">{control}</div>{hint}");
                break;
            case "checkboxes":
                // A group of choices: fieldset + legend, each box labelled; what was posted wins over the model.
                var posted = state?.RawValue switch
                {
                    string one => [one],
                    string[] many => many,
                    _ => null,
                };
                var boxes = string.Concat((Items ?? []).Select((i, n) =>
                {
                    var on = posted != null ? posted.Contains(i.Value) : i.Selected;
                    return $"<div class=\"check\"><input type=\"checkbox\" id=\"{id}_{n}\" name=\"{E(name)}\" value=\"{E(i.Value ?? "")}\"{(on ? " checked" : "")}>" +
                           $"<label for=\"{id}_{n}\">{E(i.Text)}</label></div>";
                }));
                output.Content.SetHtmlContent($"<fieldset id=\"{id}\"{aria}><legend>{E(label)}</legend>{hint}{error}<div class=\"check-grid\">{boxes}</div></fieldset>");
                break;
            case "textarea":
                control = $"<textarea id=\"{id}\" name=\"{E(name)}\" rows=\"{Rows}\"{aria}>{E(value)}</textarea>";
                output.Content.SetHtmlContent($"<label for=\"{id}\">{E(label)}</label>{hint}{error}{control}");
                break;
            case "select":
                var options = string.Concat((Items ?? []).Select(i =>
                    $"<option value=\"{E(i.Value ?? "")}\"{(i.Value == value ? " selected" : "")}>{E(i.Text)}</option>"));
                control = $"<select id=\"{id}\" name=\"{E(name)}\"{aria}>{options}</select>";
                output.Content.SetHtmlContent($"<label for=\"{id}\">{E(label)}</label>{hint}{error}{control}");
                break;
            default:
                var shown = Type == "password" ? "" : $" value=\"{E(value)}\"";
                control = $"<input type=\"{E(Type)}\" id=\"{id}\" name=\"{E(name)}\"{shown}{aria}>";
                output.Content.SetHtmlContent($"<label for=\"{id}\">{E(label)}</label>{hint}{error}{control}");
                break;
        }
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field has-error" : "field");
    }
}

/// <summary>Error summary at the top of a form: a focusable box that links to each field in error.</summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(HtmlEncoder enc) : TagHelper
{
    public string Title { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var ms = ViewContext.ViewData.ModelState;
        if (ms.IsValid || ms.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }
        var items = ms.Where(kv => kv.Value?.ValidationState == ModelValidationState.Invalid)
            .SelectMany(kv => kv.Value!.Errors.Select(e => (kv.Key, e.ErrorMessage)))
            .Where(x => !string.IsNullOrEmpty(x.ErrorMessage))
            .Select(x => string.IsNullOrEmpty(x.Key)
                ? $"<li>{enc.Encode(x.ErrorMessage)}</li>"
                : $"<li><a href=\"#{TagBuilder.CreateSanitizedId(x.Key, "_")}\">{enc.Encode(x.ErrorMessage)}</a></li>");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Content.SetHtmlContent($"<h2>{enc.Encode(Title)}</h2><ul>{string.Concat(items)}</ul>");
    }
}
