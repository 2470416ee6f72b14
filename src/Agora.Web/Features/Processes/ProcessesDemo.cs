using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Processes;

/// <summary>
/// The founding document's programme: Sofia's track "e-government and citizen participation" in the European
/// Commission's Intelligent Cities Challenge, run by Innovative Sofia. Other modules' demo parts attach to it by
/// <see cref="IccSlug"/>.
/// </summary>
public sealed class ProcessesDemo(AgoraDb db, TimeProvider clock) : IDemoContributor
{
    public const string IccSlug = "icc-sofia-elektronno-upravlenie-i-grazhdansko-uchastie";

    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<Process>().AnyAsync(p => p.Slug == IccSlug, ct))
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new Process
        {
            Slug = IccSlug,
            Title = new("ICC София: електронно управление и гражданско участие", "ICC Sofia: e-government and citizen participation"),
            Subtitle = new(
                "Участието на София в предизвикателството „100 интелигентни града“ на Европейската комисия",
                "Sofia's part in the European Commission's 100 Intelligent Cities Challenge"),
            Summary = new(
                "Столична община и Иновативна София канят организациите и гражданите на града да оценят заедно нуждите, зрелостта и приоритетите на електронното управление и гражданското участие в София.",
                "Sofia Municipality and Innovative Sofia invite the city's organisations and residents to assess together the needs, maturity and priorities of e-government and citizen participation in Sofia."),
            Description = new(
                """
                София участва в програмата **„100 Intelligent Cities Challenge“ (ICC)** на Европейската комисия по тематичната
                линия *електронно управление и гражданско участие*. Иновативна София е координатор на проекта.

                Процесът събира бизнеса, неправителствените организации, университетите, администрацията и гражданите, за да:

                - открием модели на сътрудничество, от които печелят всички;
                - анализираме силните и слабите страни на средата (SWOT анализ);
                - определим нуждите, приоритетите, предизвикателствата и възможностите пред Столична община;
                - договорим конкретни действия, с които организациите ще насърчават гражданското участие.

                Резултатите от работните срещи влизат в доклад за зрелостта на София в гражданското участие, а решенията —
                в проследяване на изпълнението им.
                """,
                """
                Sofia takes part in the European Commission's **100 Intelligent Cities Challenge (ICC)** on the thematic track
                *e-government and citizen participation*. Innovative Sofia coordinates the project.

                The process brings together businesses, non-governmental organisations, universities, the administration and
                residents in order to:

                - find models of engagement in which everybody wins;
                - analyse the strengths and weaknesses of the environment (a SWOT analysis);
                - determine the needs, priorities, challenges and opportunities facing Sofia Municipality;
                - agree on concrete actions through which organisations will encourage citizen participation.

                The workshops' results go into a report on Sofia's maturity in citizen participation, and the decisions into
                tracking how they are carried out.
                """),
            Theme = new("Електронно управление и гражданско участие", "E-government and citizen participation"),
            HeroText = new("Вашата организация може да допринесе? Заявете участие в следващите разговори.",
                "Can your organisation contribute? Ask to take part in the next conversations."),
            StartsOn = new DateOnly(2021, 1, 1),
            EndsOn = new DateOnly(2027, 12, 31),
            Components = "events,news",
            Published = true,
            PublishedAt = new DateTime(2021, 1, 4, 8, 0, 0, DateTimeKind.Utc),
            CreatedAt = now,
            UpdatedAt = now,
            Phases =
            [
                Phase(0, "Оценка на нуждите", "Needs assessment",
                    "Първата работна среща със заинтересованите страни: силни и слаби страни, нужди и приоритети.",
                    "The first workshop with stakeholders: strengths and weaknesses, needs and priorities.",
                    new(2021, 1, 1), new(2021, 1, 20)),
                Phase(1, "Зрялост на решенията и стратегия", "Solution maturity and strategy",
                    "Уебинар за зрелостта на решенията и за стратегията, отворен за по-широк кръг заинтересовани страни.",
                    "A webinar on the maturity of solutions and on strategy, open to a wider circle of stakeholders.",
                    new(2021, 1, 21), new(2021, 3, 31)),
                Phase(2, "Доклад за зрелостта", "Maturity report",
                    "Изводите от двете работни срещи влизат в доклад за зрелостта на София в гражданското участие.",
                    "The conclusions of both workshops go into a report on Sofia's maturity in citizen participation.",
                    new(2021, 4, 1), new(2021, 6, 30)),
                Phase(3, "Предложения и обсъждане с гражданите", "Proposals and discussion with residents",
                    "Гражданите предлагат, подкрепят и обсъждат мерки за електронно управление в София.",
                    "Residents propose, support and discuss e-government measures for Sofia.",
                    new(2026, 9, 1), new(2027, 3, 31), current: true),
                Phase(4, "Проследяване на изпълнението", "Tracking implementation",
                    "Общината отчита как се изпълняват приетите мерки.",
                    "The municipality reports how the adopted measures are carried out.",
                    new(2027, 4, 1), new(2027, 12, 31)),
            ],
        });
        await db.SaveChangesAsync(ct);
    }

    private static Phase Phase(int position, string bg, string en, string descriptionBg, string descriptionEn,
        DateOnly starts, DateOnly ends, bool current = false) => new()
        {
            Position = position,
            Title = new(bg, en),
            Description = new(descriptionBg, descriptionEn),
            StartsOn = starts,
            EndsOn = ends,
            IsCurrent = current,
        };
}
