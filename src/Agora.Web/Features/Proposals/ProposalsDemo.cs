using Agora.Web.Features.Comments;
using Agora.Web.Features.Debates;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Proposals;

/// <summary>Citizens' proposals on e-government in the ICC process, with comments, supports and official answers.</summary>
public sealed class ProposalsDemo(AgoraDb db, TimeProvider clock) : IDemoContributor
{
    public int Order => 60;

    private sealed record Seed(string Title, string Body, string? District, int Category, int Author, int[] Supporters,
        ProposalState Answer = ProposalState.Published, string? AnswerText = null);

    private static readonly (string Bg, string En)[] Categories =
    [
        ("Електронни услуги", "E-services"),
        ("Отворени данни", "Open data"),
        ("Гражданско участие", "Citizen participation"),
        ("Цифрови умения", "Digital skills"),
    ];

    private static readonly Seed[] Proposals =
    [
        new("Единен портал за всички общински услуги",
            "Днес една и съща справка се търси в сайта на общината, на района и на отделни дружества. Предлагам **един портал** с вход с електронна идентификация, където всяка услуга се заявява, плаща и проследява онлайн.\n\n- единен каталог на услугите;\n- статус на заявлението в реално време;\n- известия по имейл.",
            null, 0, 0, [1, 2, 3, 4], ProposalState.Evaluating,
            "Иновативна София подготвя техническо задание за единен портал. Предложението е включено в пътната карта за 2027 г. и ще бъде обсъдено на следващата работна среща."),
        new("Отворени данни за градския транспорт в реално време",
            "Центърът за градска мобилност да публикува разписанията и местоположението на превозните средства като отворени данни (GTFS и GTFS-Realtime), с ясен лиценз, за да могат университети и разработчици да правят приложения.",
            null, 1, 1, [0, 2, 3], ProposalState.Accepted,
            "Приема се. Центърът за градска мобилност ще публикува данните на портала за отворени данни до края на годината."),
        new("Електронен подпис за подписки и петиции към Столичния общински съвет",
            "Подписките към СОС да могат да се подписват онлайн с квалифициран електронен подпис или с електронна идентификация, без да се събират хартиени листове с ЕГН.",
            null, 2, 2, [0, 1, 4]),
        new("Онлайн записване за прием в общинските детски градини с ясна опашка",
            "Системата за прием да показва мястото на детето в класирането и причините за промяна, за да няма нужда от обаждания и посещения в районите.",
            "mladost", 0, 3, [0, 2]),
        new("Карта на ремонтите и разкопките в района",
            "Всички разрешения за разкопаване и ремонти на улици в Люлин да се показват на една карта със срокове и отговорен изпълнител.",
            "lyulin", 1, 0, [3], ProposalState.Rejected,
            "Не се приема в този вид: картата на разкопаванията вече се поддържа от направление „Архитектура и градоустройство“. Ще я направим по-видима на сайта на района."),
        new("Обучения по цифрови умения за възрастни в читалищата",
            "В читалищата в Красно село да се организират безплатни обучения как се ползват електронните услуги — от подаване на заявление до плащане на местни данъци онлайн.",
            "krasno-selo", 3, 2, [1]),
        new("Публикуване на бюджета на района в машинночетим формат",
            "Бюджетът и отчетите за изпълнението му на район Средец да се публикуват като таблици (CSV), а не само като сканирани PDF файлове.",
            "sredets", 1, 1, [0, 3, 4]),
        new("Сигнали за нередности със снимка и проследяване",
            "Сигнал за счупена пейка или дупка на тротоара да се подава от телефона със снимка и местоположение, а подателят да вижда кога е възложен и кога е отстранен.",
            "nadezhda", 0, 3, [0, 1, 2]),
        new("Публични онлайн консултации за нови наредби",
            "Всяка нова наредба на общината да се публикува за коментари на платформата поне 30 дни преди гласуване, с отговор на всеки постъпил коментар.",
            null, 2, 0, [2]),
        new("Безплатен Wi-Fi и компютри за самообслужване в районните администрации",
            "В центровете за административно обслужване в Младост и Студентски да има компютри, на които гражданите да ползват електронните услуги с помощ от служител.",
            "studentski", 3, 4, []),
    ];

    private static readonly (int Proposal, int Author, Stance Stance, string Body, int? ReplyTo)[] Comments =
    [
        (0, 1, Stance.InFavour, "Напълно подкрепям. Сега за всяка справка трябва да помня отделна парола.", null),
        (0, 3, Stance.Neutral, "Важно е порталът да е достъпен и за хора с увредено зрение.", null),
        (0, 2, Stance.InFavour, "Съгласна съм — и да работи добре на телефон.", 1),
        (1, 4, Stance.InFavour, "Open data on transport would help a lot of student projects at the universities.", null),
        (1, 3, Stance.Against, "Първо трябва да се оправят таблата на спирките, после приложенията.", null),
        (2, 0, Stance.InFavour, "Хартиените подписки са неудобни и рискови за личните данни.", null),
        (2, 1, Stance.Neutral, "Как ще се проверява, че подписалият живее в София?", null),
        (4, 2, Stance.Against, "Такава карта вече има, просто никой не знае за нея.", null),
        (7, 1, Stance.InFavour, "Проследяването е най-важната част — иначе сигналите изчезват.", null),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().Include(p => p.Phases).FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process == null)
            return;
        foreach (var key in new[] { ProposalService.Key, DebateCommentTarget.Key })
            if (!process.Has(key))
                process.Components = string.IsNullOrEmpty(process.Components) ? key : process.Components + "," + key;
        if (!await db.Set<ProposalSettings>().AnyAsync(s => s.ProcessId == process.Id, ct))
            db.Add(new ProposalSettings { ProcessId = process.Id, SupportThreshold = 4, EditWindowMinutes = 60 });
        if (process.Phases.FirstOrDefault(p => p.IsCurrent) is { } current
            && !await db.Set<ProposalPhaseSettings>().AnyAsync(s => s.PhaseId == current.Id, ct))
            db.Add(new ProposalPhaseSettings { PhaseId = current.Id, CreatingEnabled = true, SupportingEnabled = true, CommentingEnabled = true });
        await db.SaveChangesAsync(ct);
        if (await db.Set<Proposal>().AnyAsync(p => p.ProcessId == process.Id, ct))
            return;

        var emails = FoundationDemo.People.Select(p => p.Email.ToUpperInvariant()).ToList();
        var people = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        if (people.Count < emails.Count)
            return;
        var ids = emails.Select(e => people.First(p => p.NormalizedEmail == e).Id).ToArray();
        var categories = Categories.Select((c, i) => new ProposalCategory { ProcessId = process.Id, Position = i, Name = new(c.Bg, c.En) }).ToList();
        db.AddRange(categories);

        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(60);
        var admin = ids[0];
        var proposals = new List<Proposal>();
        for (var i = 0; i < Proposals.Length; i++)
        {
            var s = Proposals[i];
            var created = now.AddDays(-40 + (i * 3)).AddHours(i);
            var p = new Proposal
            {
                ProcessId = process.Id,
                AuthorId = ids[s.Author],
                Title = s.Title,
                Body = s.Body,
                District = Districts.IsKnown(s.District) ? s.District : null,
                CategoryId = categories[s.Category].Id,
                State = s.Answer,
                SortKey = random.Next(0, 1_000_003),
                CreatedAt = created,
                UpdatedAt = created,
                SupportCount = s.Supporters.Length,
            };
            if (s.Supporters.Length >= 4)
            {
                p.ThresholdReachedAt = created.AddDays(5);
                if (p.State == ProposalState.Published)
                    p.State = ProposalState.ForEvaluation;
            }
            if (s.AnswerText != null)
            {
                p.AnswerText = s.AnswerText;
                p.AnsweredAt = created.AddDays(10);
                p.AnsweredById = admin;
            }
            proposals.Add(p);
            db.Add(p);
            db.Add(new ProposalFollower { ProposalId = p.Id, UserId = p.AuthorId, CreatedAt = created });
            foreach (var who in s.Supporters.Where(x => x != s.Author))
                db.Add(new ProposalSupport { ProposalId = p.Id, UserId = ids[who], CreatedAt = created.AddDays(1 + who) });
            p.SupportCount = s.Supporters.Count(x => x != s.Author);
        }

        var added = new List<Comment>();
        foreach (var (pi, author, stance, body, replyTo) in Comments)
        {
            var p = proposals[pi];
            var c = new Comment
            {
                TargetType = ProposalCommentTarget.TypeName,
                TargetId = p.Id,
                AuthorId = ids[author],
                Body = body,
                Stance = stance,
                CreatedAt = p.CreatedAt.AddDays(1).AddHours(added.Count),
                Depth = 1,
            };
            c.RootId = c.Id;
            if (replyTo is int r)
            {
                var parent = added[r];
                c.ParentId = parent.Id;
                c.RootId = parent.RootId;
                c.Depth = parent.Depth + 1;
            }
            added.Add(c);
            db.Add(c);
            p.CommentCount++;
        }

        var debate = new Debate
        {
            ProcessId = process.Id,
            AuthorId = admin,
            Title = "Как електронните услуги да станат достъпни и за възрастните хора?",
            Body = "Много жители на София все още предпочитат гишето. Какво ги спира да ползват електронните услуги и какво може да направи общината — обучения, помощ в читалищата, по-прости формуляри?",
            CreatedAt = now.AddDays(-12),
        };
        db.Add(debate);
        foreach (var (author, stance, body) in new[]
        {
            (2, Stance.InFavour, "Помощ на място в районните администрации би помогнала най-много."),
            (3, Stance.Neutral, "Формулярите трябва да са на разбираем език, без юридически термини."),
        })
        {
            var c = new Comment { TargetType = DebateCommentTarget.TypeName, TargetId = debate.Id, AuthorId = ids[author], Body = body, Stance = stance, Depth = 1, CreatedAt = debate.CreatedAt.AddDays(1 + author) };
            c.RootId = c.Id;
            db.Add(c);
            debate.CommentCount++;
        }
        await db.SaveChangesAsync(ct);
    }
}
