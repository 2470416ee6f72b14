using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.Surveys;

/// <summary>
/// Aggregated results: counts and percentages per option (SVG bars with a table), distributions with mean and
/// median, average rank and Borda score, matrix tables; a paged list of one text question's answers. Filterable
/// by stakeholder kind. Administrators always; everyone when the administrator declared the results public.
/// A fixed number of queries whatever the number of answers.
/// </summary>
public sealed class ResultsModel(SurveyService surveys, SurveyResults results) : PageModel
{
    public const int TextPageSize = 20;

    public Process Process { get; private set; } = default!;
    public Survey Survey { get; private set; } = default!;
    public bool CanManage { get; private set; }
    public bool AnswersVisible { get; private set; }
    public SurveyDefinition Definition { get; private set; } = default!;
    public SurveyTally Tally { get; private set; } = default!;
    public string? Kind { get; private set; }

    /// <summary>The text question whose answers are listed, with the page of them.</summary>
    public SurveyQuestion? TextQuestion { get; private set; }
    public Paged<SurveyResults.TextAnswer>? Texts { get; private set; }

    public string Path => $"/processes/{Process.Slug}/surveys/{Survey.Id}";

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, [FromQuery(Name = "kind")] string? kind,
        [FromQuery(Name = "question")] Guid? question, [FromQuery(Name = "page")] int page, CancellationToken ct)
    {
        var loaded = await surveys.LoadAsync(slug, id, User, ct);
        if (loaded == null || !SurveyService.ResultsVisible(loaded))
            return NotFound();
        (Process, Survey, CanManage) = loaded;
        AnswersVisible = SurveyService.AnswersVisible(loaded);
        Kind = kind != null && SurveyResults.Kinds.Contains(kind) ? kind : null;
        Definition = await surveys.DefinitionAsync(Survey, ct);
        Tally = await results.TallyAsync(Survey.Id, Kind, ct);
        if (question is Guid qid && Definition.Question(qid) is { Type: QuestionType.ShortText or QuestionType.LongText } tq)
        {
            TextQuestion = tq;
            page = Paging.Clamp(page);
            var (items, total) = await results.TextsAsync(Survey.Id, qid, Kind, page, TextPageSize, ct);
            Texts = new Paged<SurveyResults.TextAnswer>(items, page, TextPageSize, total);
        }
        return Page();
    }
}
