using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using Agora.Tests.Features.Budgets;
using Agora.Tests.Features.Workshops;
using Agora.Web.Features.Budgets;
using Agora.Web.Features.Needs;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Features.Swot;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Security;

/// <summary>Numbers beyond what a field takes answer with a localized message and change nothing; never a 500.</summary>
public sealed class NumericInputTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>Between 2³¹ and 2⁶³−1, the largest long, beyond long, and negative.</summary>
    private static readonly string[] Huge = ["9999999999", "9223372036854775807", "99999999999999999999", "-1"];

    private static void Refused(HttpResponseMessage r, string html, string field, string value, string culture = "bg")
    {
        Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, r.StatusCode);
        var message = culture == "bg"
            ? (value.Length > 19 ? $"Стойността „{value}“ е невалидна." : $"„{field}“ трябва да е между 1 и 1000000000.")
            : (value.Length > 19 ? $"The value \"{value}\" is not valid." : $"{field} must be between 1 and 1000000000.");
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_amount_out_of_range_is_refused_with_a_message_in_both_languages()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "budgets", administrator: admin);
        foreach (var culture in new[] { "bg", "en" })
        {
            var client = await f.SignedInAsync(admin, culture);
            foreach (var value in Huge)
            {
                var r = await client.PostFormAsync($"/processes/{process.Slug}/budgets" + (culture == "en" ? "?culture=en" : ""), new Dictionary<string, string>
                {
                    ["Input.TitleBg"] = "Бюджет",
                    ["Input.TitleEn"] = "Budget",
                    ["Input.Area"] = "izgrev",
                    ["Input.AmountEur"] = value,
                    ["Input.Rule"] = "Approval",
                    ["Input.MinProjects"] = "1",
                    ["Input.MaxProjects"] = "2",
                });
                Refused(r, await r.TextAsync(), culture == "bg" ? "Сума в евро" : "Amount in euro", value, culture);
            }
        }
        Assert.False(await f.DbAsync(db => db.Set<Budget>().AnyAsync(b => b.ProcessId == process.Id)));
    }

    [Fact]
    public async Task Project_cost_out_of_range_is_refused_with_a_message()
    {
        var process = await f.ProcessAsync(components: "budgets");
        var (open, _) = await f.BudgetAsync(process, 1000, [], phase: BudgetPhase.Submission, district: "izgrev");
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = BudgetTestData.Url(process, open) + "/projects/new";
        foreach (var value in Huge)
        {
            var r = await client.PostFormAsync(url, new Dictionary<string, string>
            {
                ["Input.Title"] = "Пейки в парка",
                ["Input.Description"] = "Нови пейки и кошчета по алеите на парка.",
                ["Input.CostEur"] = value,
                ["Input.District"] = "budget",
            });
            Refused(r, await r.TextAsync(), "Приблизителна стойност в евро", value);
        }
        Assert.False(await f.DbAsync(db => db.Set<BudgetProject>().AnyAsync(p => p.BudgetId == open.Id)));
    }

    [Fact]
    public async Task Review_cost_out_of_range_is_refused_with_a_message()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: "budgets", administrator: admin);
        var (b, ps) = await f.BudgetAsync(process, 1000, [100], phase: BudgetPhase.Review);
        var client = await f.SignedInAsync(admin);
        var url = $"{BudgetTestData.Url(process, b)}/projects/{ps[0].Id}";
        foreach (var value in Huge)
        {
            var r = await client.PostFormAsync(url, new Dictionary<string, string>
            {
                ["Review.State"] = "Feasible",
                ["Review.Reason"] = "Може.",
                ["Review.CostEur"] = value,
            }, url + "?handler=review");
            Refused(r, await r.TextAsync(), "Оценена стойност в евро", value);
        }
        Assert.Equal(10_000, await f.DbAsync(db => db.Set<BudgetProject>().Where(p => p.Id == ps[0].Id).Select(p => p.CostCents).SingleAsync()));
    }

    [Fact]
    public async Task Needs_points_whose_sum_overflows_are_refused_with_a_message()
    {
        var process = await f.WorkshopProcessAsync();
        var n = await f.NeedsAsync(process, 2, RankingMethod.Points);
        var url = WorkshopTestData.NeedsUrl(process);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var r = await client.PostFormAsync(url + "/rank", new Dictionary<string, string>
        {
            [$"Points[{n[0].Id}]"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Points[{n[1].Id}]"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("Точките на всяка нужда са между 0 и 100.", await r.TextAsync(), StringComparison.Ordinal);
        foreach (var value in Huge)
        {
            r = await client.PostFormAsync(url + "/rank", new Dictionary<string, string> { [$"Points[{n[0].Id}]"] = value, [$"Points[{n[1].Id}]"] = "50" });
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }
        Assert.Equal(0, await f.DbAsync(db => db.Set<NeedVote>().CountAsync(v => v.ProcessId == process.Id)));
    }

    [Fact]
    public async Task Swot_dots_whose_sum_overflows_are_refused_with_a_message()
    {
        var process = await f.WorkshopProcessAsync();
        var board = await f.BoardAsync(process);
        var author = await f.PersonAsync();
        var a = await f.ItemAsync(board, author, SwotQuadrant.Strengths, "Силна общност");
        var b = await f.ItemAsync(board, author, SwotQuadrant.Weaknesses, "Слаби данни");
        var url = WorkshopTestData.BoardUrl(process, board);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var r = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            [$"Dots[{a.Id}]"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Dots[{b.Id}]"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, url + "?handler=vote");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("Можете да разпределите най-много 5 точки.", await r.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<SwotDot>().CountAsync(d => d.BoardId == board.Id)));
    }

    [Fact]
    public void Euro_amounts_near_the_decimal_limit_are_not_amounts()
    {
        Assert.Null(ResultRules.ParseEuro("79228162514264337593543950335"));
        Assert.Null(ResultRules.ParseEuro("7922816251426433759354395033,5"));
        Assert.Null(ResultRules.ParseEuro("9223372036854775807"));
        Assert.Equal(123_450, ResultRules.ParseEuro("1 234,50"));
    }

    /// <summary>
    /// The class of the 500: a [Range] with int bounds on a long (or decimal) property converts the value to int and
    /// throws OverflowException beyond 2³¹. Every [Range] of the app compares in a type that holds the property's
    /// values, and every number a page binds from a form has a range.
    /// </summary>
    [Fact]
    public void Every_range_holds_its_property_and_every_bound_number_has_one()
    {
        var problems = new List<string>();
        var app = typeof(ResultRules).Assembly;
        foreach (var type in app.GetTypes())
        {
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (p.GetCustomAttribute<RangeAttribute>() is not { } range)
                    continue;
                var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                if (!Holds(range.OperandType, t))
                    problems.Add($"{type.FullName}.{p.Name}: [Range] compares as {range.OperandType.Name}, the property is {t.Name}");
            }
        }
        foreach (var page in app.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract))
        {
            foreach (var p in page.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var bind = p.GetCustomAttribute<BindPropertyAttribute>();
                if (bind == null || bind.SupportsGet)
                    continue;
                Check(p, p.PropertyType, $"{page.Name}.{p.Name}", problems, 0);
            }
        }
        Assert.Empty(problems);
    }

    /// <summary>Numbers a page checks itself, with its own localized message, or whose binding error is the refusal.</summary>
    private static readonly HashSet<string> CheckedInCode =
    [
        "EditModel.Input.Capacity", // Events.Validation.Capacity
        "ReportModel.Input.AttendanceCount", // Events.Validation.Attendance
        "AssessModel.Scores.Current", "AssessModel.Scores.Target", // MaturityService.Validate: a level 1–5
    ];

    private static void Check(PropertyInfo p, Type type, string path, List<string> problems, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double) || t == typeof(short) || t == typeof(float))
        {
            if (p.GetCustomAttribute<RangeAttribute>() == null && !CheckedInCode.Contains(path))
                problems.Add($"{path}: a bound {t.Name} without [Range]");
            return;
        }
        if (depth > 3 || t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(Guid) || t.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !t.IsGenericType)
            return;
        if (t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IList<>) || g == typeof(IEnumerable<>)))
        {
            Check(p, t.GetGenericArguments()[0], path, problems, depth + 1);
            return;
        }
        if (t.IsGenericType)
            return; // dictionaries (points, dots) are checked by their services, each value and the sum
        if (t.Assembly != typeof(ResultRules).Assembly)
            return;
        foreach (var inner in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(x => x.CanWrite))
            Check(inner, inner.PropertyType, path + "." + inner.Name, problems, depth + 1);
    }

    private static bool Holds(Type operand, Type property) =>
        operand == property || operand == typeof(double)
        || (operand == typeof(long) && (property == typeof(int) || property == typeof(short)))
        || (operand == typeof(int) && property == typeof(short));
}
