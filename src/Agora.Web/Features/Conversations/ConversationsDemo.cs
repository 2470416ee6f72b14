using Agora.OpinionMap;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Conversations;

/// <summary>
/// A conversation on e-government in the ICC process, with 300 generated participants whose votes come from three
/// latent opinion profiles (a fixed random seed, so every run is the same) and the opinion map computed at once.
/// </summary>
public sealed class ConversationsDemo(AgoraDb db, TimeProvider clock, ILogger<ConversationsDemo> log) : IDemoContributor
{
    public int Order => 50;

    public const int ParticipantCount = 300;

    /// <summary>Bulgarian text, English translation, and the chance that someone of each profile (digital first,
    /// cautious about inclusion, sceptical of the municipality) agrees.</summary>
    private static readonly (string Bg, string En, double Digital, double Cautious, double Sceptic)[] Statements =
    [
        ("Всички административни услуги на Столична община трябва да могат да се заявят онлайн.", "Every administrative service of Sofia Municipality should be available online.", 0.95, 0.45, 0.6),
        ("Гишетата в районните администрации трябва да останат отворени за хората, които не ползват интернет.", "Counters in the district administrations must stay open for people who do not use the internet.", 0.35, 0.97, 0.8),
        ("Сайтът на общината трябва да работи добре и на мобилен телефон.", "The municipality's website should work well on a mobile phone.", 0.95, 0.9, 0.9),
        ("Общината трябва да публикува бюджета си като отворени данни, разбираеми за всеки.", "The municipality should publish its budget as open data anyone can understand.", 0.9, 0.85, 0.95),
        ("Гласуването за проекти на бюджета с участието на гражданите трябва да е само електронно.", "Voting on participatory budget projects should be electronic only.", 0.85, 0.1, 0.3),
        ("Възрастните хора имат нужда от безплатни обучения за електронните услуги в читалищата.", "Older people need free training in e-services at the community centres.", 0.5, 0.95, 0.6),
        ("Електронният подпис е твърде сложен; общината трябва да приема вход с мобилно приложение.", "Electronic signatures are too complicated; the municipality should accept sign-in with a mobile app.", 0.9, 0.4, 0.5),
        ("Не вярвам, че личните ми данни са защитени в системите на общината.", "I do not trust that my personal data are safe in the municipality's systems.", 0.2, 0.75, 0.95),
        ("Общината трябва да отчита публично какво е направила по всяко предложение на гражданите.", "The municipality should report publicly what it did with every residents' proposal.", 0.85, 0.85, 0.97),
        ("Обществените обсъждания трябва да се провеждат и онлайн, а не само в залата на общината.", "Public hearings should also be held online, not only in the municipal hall.", 0.95, 0.55, 0.7),
        ("Парите за дигитализация е по-добре да отидат за ремонт на улици и тротоари.", "Money for digitalisation would be better spent repairing streets and pavements.", 0.1, 0.6, 0.85),
        ("Сигналите за нередности (дупки, боклук, осветление) трябва да се подават през едно приложение с карта.", "Reports of problems (potholes, rubbish, lighting) should go through one app with a map.", 0.95, 0.6, 0.65),
        ("Решенията на Столичния общински съвет се вземат, без да се чуе мнението на хората.", "Sofia Municipal Council takes decisions without hearing what people think.", 0.35, 0.5, 0.97),
        ("Районите трябва да имат собствени страници с новини и контакти на служителите.", "Each district should have its own page with news and staff contacts.", 0.8, 0.8, 0.75),
        ("Изкуственият интелект може да помогне на служителите да отговарят по-бързо на гражданите.", "Artificial intelligence can help staff answer residents faster.", 0.85, 0.25, 0.3),
        ("Хартиените документи трябва да бъдат премахнати напълно до 2030 г.", "Paper documents should be abolished entirely by 2030.", 0.8, 0.05, 0.3),
        ("Университетите и неправителствените организации трябва да участват в оценката на електронните услуги.", "Universities and NGOs should take part in assessing the e-services.", 0.85, 0.7, 0.8),
        ("Общината не трябва да изисква от гражданите документи, които вече има в своите регистри.", "The municipality should not ask residents for documents it already holds in its registers.", 0.97, 0.9, 0.95),
        ("Онлайн консултациите се печелят от организирани групи, а не от обикновените граждани.", "Online consultations are won by organised groups, not by ordinary residents.", 0.2, 0.6, 0.9),
        ("Всяко заседание на общинския съвет трябва да се излъчва на живо и да остава в архив.", "Every municipal council session should be streamed live and kept in an archive.", 0.9, 0.7, 0.95),
    ];

    private static readonly (double Share, int Profile)[] Profiles = [(0.45, 0), (0.38, 1), (0.17, 2)];

    public async Task SeedAsync(CancellationToken ct)
    {
        var process = await db.Set<Process>().FirstOrDefaultAsync(p => p.Slug == ProcessesDemo.IccSlug, ct);
        if (process == null)
            return;
        if (!process.Has(ConversationsSetup.ComponentKey))
        {
            process.Components = string.IsNullOrEmpty(process.Components)
                ? ConversationsSetup.ComponentKey
                : process.Components + "," + ConversationsSetup.ComponentKey;
        }
        if (await db.Set<Conversation>().AnyAsync(c => c.ProcessId == process.Id, ct))
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var start = now.Date.AddDays(-21);
        var conversation = new Conversation
        {
            ProcessId = process.Id,
            Topic = new("Електронното управление в София: какво да е първо?", "E-government in Sofia: what comes first?"),
            Description = new(
                "Гласувайте **съгласен**, **несъгласен** или **пропускам** по всяко твърдение и добавете свое. Картата на мненията показва групите, които се оформят, и твърденията, по които всички са съгласни.",
                "Vote **agree**, **disagree** or **pass** on each statement and add your own. The opinion map shows the groups that form and the statements everyone agrees on."),
            AllowAnonymous = true,
            ModerateStatements = true,
            Published = true,
            CreatedAt = start,
            UpdatedAt = start,
        };
        db.Add(conversation);

        var statements = Statements.Select((s, i) => new Statement
        {
            ConversationId = conversation.Id,
            Number = i + 1,
            Text = s.Bg,
            Language = "bg",
            TranslationEn = s.En,
            Status = StatementStatus.Accepted,
            IsSeed = true,
            CreatedAt = start,
        }).ToList();
        db.AddRange(statements);

        var random = new Random(2050);
        var participants = new List<Participant>(ParticipantCount);
        var votes = new List<StatementVote>();
        for (var i = 0; i < ParticipantCount; i++)
        {
            var joined = start.AddMinutes(90 * i + random.Next(60));
            var participant = new Participant { ConversationId = conversation.Id, Number = i + 1, CreatedAt = joined };
            participants.Add(participant);
            var profile = PickProfile(random.NextDouble());
            // Each person sees 10 to all 20 statements, in a random order.
            var seen = Enumerable.Range(0, statements.Count).OrderBy(_ => random.Next()).Take(10 + random.Next(statements.Count - 9));
            var at = joined;
            foreach (var j in seen)
            {
                var p = profile switch { 0 => Statements[j].Digital, 1 => Statements[j].Cautious, _ => Statements[j].Sceptic };
                var roll = random.NextDouble();
                var value = roll < 0.12 ? 0 : random.NextDouble() < p ? 1 : -1;
                at = at.AddSeconds(20 + random.Next(40));
                var s = statements[j];
                if (value > 0)
                    s.AgreeCount++;
                else if (value < 0)
                    s.DisagreeCount++;
                else
                    s.PassCount++;
                votes.Add(new StatementVote
                {
                    ParticipantId = participant.Id,
                    StatementId = s.Id,
                    ConversationId = conversation.Id,
                    Value = value,
                    CreatedAt = at,
                    UpdatedAt = at,
                });
            }
        }
        db.AddRange(participants);
        db.AddRange(votes);

        // One participant's statement waits for moderation, so administrators see the queue.
        db.Add(new Statement
        {
            ConversationId = conversation.Id,
            Number = statements.Count + 1,
            Text = "Общината трябва да има един телефон за всички въпроси, на който отговаря човек.",
            Language = "bg",
            AuthorParticipantId = participants[7].Id,
            Status = StatementStatus.Pending,
            CreatedAt = now.AddHours(-3),
        });
        conversation.ParticipantCount = participants.Count;
        conversation.VoteCount = votes.Count;

        // The opinion map is computed here and saved with everything else, so the results page shows it at once
        // and the background refresh finds nothing to do.
        var number = participants.ToDictionary(x => x.Id, x => x.Number);
        var statementNumber = statements.ToDictionary(x => x.Id, x => x.Number);
        var matrix = VoteMatrix.FromVotes(votes.Select(v => new VoteRecord(
            number[v.ParticipantId], statementNumber[v.StatementId], v.Value, OpinionMapRefresh.Millis(v.CreatedAt))));
        var snapshot = OpinionMapRefresh.ComputeSnapshot(matrix, new OpinionMapOptions(), log, conversation.Id);
        conversation.Version = 1;
        conversation.ComputedVersion = 1;
        db.Add(new ConversationResult
        {
            ConversationId = conversation.Id,
            Json = snapshot.ToJson(),
            ComputedAt = now,
            VoteCount = matrix.VoteCount,
            Version = 1,
        });
        await db.SaveChangesAsync(ct);
    }

    private static int PickProfile(double roll)
    {
        foreach (var (share, profile) in Profiles)
        {
            if (roll < share)
                return profile;
            roll -= share;
        }
        return Profiles[^1].Profile;
    }
}
