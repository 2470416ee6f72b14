using Agora.Web.Features.Events;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Features.Learning;

/// <summary>
/// The learning hub's demo: four guides (two for citizens, one for organisations, one for municipal staff) and a
/// course for municipal staff on running a stakeholder workshop and publishing its results on Agora. Texts live in
/// Content/learn/ as Markdown in both languages; quizzes are here. Idempotent: existing slugs are left alone.
/// </summary>
public sealed class LearningDemo(AgoraDb db, ContentFiles content, TimeProvider clock) : IDemoContributor
{
    public const string CourseSlug = "rabotna-sreshta-sas-zainteresovanite-strani-v-agora";

    public int Order => 70;

    private static readonly DateOnly Reviewed = new(2026, 11, 20);

    private sealed record GuideSeed(string Slug, string File, Audience Audience, LearningTopic Topic, string SummaryBg, string SummaryEn);

    private sealed record O(string Bg, string En, bool Correct = false);

    private sealed record Q(string Bg, string En, string WhyBg, string WhyEn, bool Multiple, params O[] Options);

    private static readonly GuideSeed[] Guides =
    [
        new("kak-da-uchastvate-v-protses-na-uchastie", "take-part", Audience.Citizens, LearningTopic.TakingPart,
            "Какво е процес на участие, как да го следите и как да се включите – с предложение, коментар, подкрепа или на работна среща.",
            "What a participatory process is, how to follow one and how to join in – with a proposal, a comment, a support or at a workshop."),
        new("elektronni-uslugi-i-elektronna-identifikatsia", "e-services", Audience.Citizens, LearningTopic.EServices,
            "Как да ползвате електронните услуги на Столична община и държавата и как да се идентифицирате електронно, без да ходите на гише.",
            "How to use the e-services of Sofia Municipality and the state, and how to identify yourself electronically without queuing at a counter."),
        new("organizatsiyata-vi-v-dialoga-za-sofia", "organisations", Audience.Organisations, LearningTopic.TakingPart,
            "Как бизнесът, клъстерите, неправителствените организации и университетите се включват в работните срещи, SWOT анализа и ангажиментите.",
            "How businesses, clusters, NGOs and universities join the workshops, the SWOT analysis and the commitments."),
        new("dostapno-i-zakonosaobrazno-uchastie", "staff-accessibility", Audience.MunicipalStaff, LearningTopic.Accessibility,
            "Контролен списък за служителите, които водят процеси: достъпни текстове и събития, лични данни по GDPR, обратна връзка към участниците.",
            "A checklist for staff who run processes: accessible texts and events, personal data under the GDPR, feedback to participants."),
    ];

    private static readonly Q[][] Quizzes =
    [
        [
            new("Какво е първото, което трябва да решите, преди да изпратите поканите?", "What should you decide first, before sending the invitations?",
                "Целта и въпросът определят кого каните, колко време ви трябва и какво ще публикувате след срещата.",
                "The aim and the question decide whom you invite, how much time you need and what you will publish afterwards.", false,
                new("Менюто за кафе паузата", "The coffee-break menu"),
                new("Целта на срещата и какво ще се случи с резултатите", "The aim of the workshop and what will happen to its results", true),
                new("Кой ще води протокола", "Who will take the minutes")),
            new("Кои от тези стъпки правите в Agora преди срещата?", "Which of these steps do you take in Agora before the workshop?",
                "Събитието с дневен ред, капацитет и срок за записване се публикува в процеса; последователите получават известие. Списъкът с лични телефони не е нужен и не се публикува.",
                "The event with its agenda, capacity and registration deadline is published in the process; followers are notified. A list of personal phone numbers is neither needed nor published.", true,
                new("Публикувате събитие с дневен ред и срок за записване", "Publish an event with an agenda and a registration deadline", true),
                new("Качвате материалите за подготовка към събитието или процеса", "Attach the preparation materials to the event or the process", true),
                new("Публикувате списък с телефоните на поканените", "Publish a list of the invitees' phone numbers")),
            new("Поканените организации са само от ИТ бранша. Какво правите?", "All invited organisations come from the IT sector. What do you do?",
                "Оценката на нуждите е толкова добра, колкото са различни гледните точки: поканете неправителствени организации, университети, бизнес от други сектори и районите.",
                "A needs assessment is only as good as the range of views in it: invite NGOs, universities, businesses from other sectors and the districts.", false,
                new("Нищо – те разбират най-добре от електронно управление", "Nothing – they know e-government best"),
                new("Разширявате кръга с организации от други сектори и гражданското общество", "Widen the circle with organisations from other sectors and civil society", true),
                new("Отлагате срещата, докато не се запишат поне 100 души", "Postpone until at least 100 people have registered")),
        ],
        [
            new("В SWOT анализа „възможности“ са…", "In a SWOT analysis, \"opportunities\" are…",
                "Силните и слабите страни са вътрешни за общината; възможностите и заплахите идват отвън – закони, финансиране, технологии, поведение на хората.",
                "Strengths and weaknesses are internal to the municipality; opportunities and threats come from outside – laws, funding, technology, people's behaviour.", false,
                new("вътрешни предимства на общинската администрация", "internal advantages of the municipal administration"),
                new("външни условия, от които общината може да се възползва", "external conditions the municipality can take advantage of", true),
                new("задачи, които администрацията вече е изпълнила", "tasks the administration has already completed")),
            new("Кои техники помагат всеки участник да бъде чут?", "Which techniques help every participant to be heard?",
                "Тихото писане преди обсъждането и гласуването с точки дават тежест на всеки глас, не само на най-гръмкия.",
                "Writing silently before the discussion and dot voting give weight to every voice, not only the loudest.", true,
                new("Всеки първо записва идеите си сам, по една на карта", "Everyone first writes their ideas alone, one per card", true),
                new("Класиране на нуждите с гласуване с точки", "Ranking the needs with dot voting", true),
                new("Думата се дава само на председателите на организации", "Only the chairs of organisations are given the floor")),
            new("Как въвеждате резултатите от работата по групи в Agora?", "How do you enter the results of the group work in Agora?",
                "Всяка карта става отделен запис в SWOT дъската и в списъка с нужди, с организацията, която я е предложила; така класирането и проследяването остават видими.",
                "Each card becomes a separate entry on the SWOT board and in the list of needs, with the organisation that proposed it; the ranking and the follow-up stay visible.", false,
                new("Като една снимка на флипчарта", "As one photo of the flipchart"),
                new("Като отделни записи в SWOT дъската и в нуждите, с автора и класирането", "As separate entries on the SWOT board and in the needs, with their author and ranking", true),
                new("Не ги въвеждате – достатъчен е протоколът", "You don't – the minutes are enough")),
        ],
        [
            new("Кой от тези ангажименти е добре формулиран?", "Which of these commitments is well worded?",
                "Добрият ангажимент казва кой, какво, до кога и как ще разберем, че е изпълнен.",
                "A good commitment says who does what, by when, and how we will know it is done.", false,
                new("„Ще подкрепяме дигитализацията.“", "\"We will support digitalisation.\""),
                new("„До 30 юни организацията ни ще проведе два безплатни уебинара за електронни услуги за поне 60 граждани.“",
                    "\"By 30 June our organisation will hold two free webinars on e-services for at least 60 residents.\"", true),
                new("„Ще направим всичко възможно.“", "\"We will do our best.\"")),
            new("Какво публикувате за всеки ангажимент в Agora?", "What do you publish for each commitment in Agora?",
                "Организацията, срокът и показателят правят ангажимента проверим; статусът се обновява, докато бъде изпълнен.",
                "The organisation, the deadline and the indicator make a commitment checkable; its status is updated until it is done.", true,
                new("Отговорната организация", "The responsible organisation", true),
                new("Срок и показател за изпълнение", "A deadline and an indicator of completion", true),
                new("Личния мобилен телефон на представителя", "The representative's personal mobile number")),
            new("Организация не изпълни ангажимента си в срок. Какво правите?", "An organisation did not meet its commitment on time. What do you do?",
                "Прозрачността важи и за неизпълненото: статусът и причината се публикуват, а новият срок се договаря открито.",
                "Transparency also applies to what was not done: the status and the reason are published, and a new deadline is agreed openly.", false,
                new("Изтривате ангажимента", "Delete the commitment"),
                new("Обновявате статуса с причината и договорения нов срок", "Update its status with the reason and the newly agreed deadline", true),
                new("Оставяте го „в изпълнение“ без промяна", "Leave it \"in progress\" unchanged")),
        ],
        [
            new("Кога публикувате протокола и резултатите от срещата?", "When do you publish the minutes and results of the workshop?",
                "Докато срещата е прясна в паметта, участниците проверяват и допълват; до две седмици е разумен срок, който трябва да обявите предварително.",
                "While the workshop is fresh in people's minds they can check and add to it; within two weeks is a reasonable deadline to announce in advance.", false,
                new("До две седмици, в срок, обявен предварително", "Within two weeks, by a deadline announced in advance", true),
                new("Когато излезе окончателният доклад", "When the final report is out"),
                new("Само ако някой ги поиска", "Only if someone asks for them")),
            new("Какво съдържа докладът за зрелостта?", "What does the maturity report contain?",
                "Докладът обединява оценките по измеренията на рубриката, SWOT анализа, приоритетите и препоръките; оценките се показват с графика и с таблица.",
                "The report brings together the scores on the rubric's dimensions, the SWOT analysis, the priorities and the recommendations; scores are shown as a chart and as a table.", true,
                new("Оценките по измеренията, с графика и таблица", "The scores per dimension, with a chart and a table", true),
                new("Изводите от SWOT анализа и приоритетите", "The conclusions of the SWOT analysis and the priorities", true),
                new("Имената и имейлите на всички участници", "The names and e-mail addresses of all participants")),
            new("Как затваряте кръга с участниците?", "How do you close the loop with participants?",
                "„Вие казахте – ние направихме“: свържете всяка нужда с решение или с обяснение защо не е прието и следете изпълнението публично.",
                "\"You said – we did\": link each need to a decision or an explanation of why it was not taken up, and track implementation in public.", false,
                new("С благодарствено писмо", "With a thank-you letter"),
                new("Показвате какво е станало с всяка нужда и проследявате изпълнението", "Show what became of each need and track implementation", true),
                new("Каните ги на следващата среща след година", "Invite them to the next workshop in a year")),
        ],
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var icc = await db.Set<Process>().Where(p => p.Slug == ProcessesDemo.IccSlug).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        foreach (var seed in Guides)
        {
            if (await db.Set<Guide>().AnyAsync(g => g.Slug == seed.Slug, ct))
                continue;
            var bg = content.Read($"learn/guides/{seed.File}.bg.md");
            var en = content.Read($"learn/guides/{seed.File}.en.md");
            var guide = new Guide
            {
                Slug = seed.Slug,
                Title = new(bg.Title, en.Title),
                Summary = new(seed.SummaryBg, seed.SummaryEn),
                Audience = seed.Audience,
                Topic = seed.Topic,
                ReviewedOn = Reviewed,
                Published = true,
                PublishedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            };
            guide.SetBody(new(bg.Body, en.Body));
            db.Add(guide);
            if (icc is Guid processId)
                db.Add(new GuideProcess { GuideId = guide.Id, ProcessId = processId });
        }
        await db.SaveChangesAsync(ct);

        if (await db.Set<Course>().AnyAsync(c => c.Slug == CourseSlug, ct))
            return;
        var intro = content.Read("learn/course/course.bg.md");
        var introEn = content.Read("learn/course/course.en.md");
        var course = new Course
        {
            Slug = CourseSlug,
            Title = new(intro.Title, introEn.Title),
            Summary = new(
                "Четири урока за служителите на Столична община: как да подготвите и проведете работна среща със заинтересованите страни и как да публикувате резултатите ѝ в Agora – SWOT анализ, нужди и приоритети, ангажименти и доклад за зрелостта.",
                "Four lessons for Sofia Municipality staff: how to prepare and run a stakeholder workshop and how to publish its results on Agora – the SWOT analysis, needs and priorities, commitments and the maturity report."),
            Description = new(intro.Body, introEn.Body),
            Audience = Audience.MunicipalStaff,
            Topic = LearningTopic.RunningWorkshop,
            Published = true,
            PublishedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < Quizzes.Length; i++)
        {
            var lb = content.Read($"learn/course/lesson-{i + 1}.bg.md");
            var le = content.Read($"learn/course/lesson-{i + 1}.en.md");
            var lesson = new Lesson { Position = i + 1, Title = new(lb.Title, le.Title), Body = new(lb.Body, le.Body) };
            var qp = 0;
            foreach (var q in Quizzes[i])
            {
                var question = new QuizQuestion
                {
                    Position = ++qp,
                    Text = new(q.Bg, q.En),
                    Explanation = new(q.WhyBg, q.WhyEn),
                    MultipleChoice = q.Multiple,
                };
                var op = 0;
                foreach (var o in q.Options)
                    question.Options.Add(new QuizOption { Position = ++op, Text = new(o.Bg, o.En), IsCorrect = o.Correct });
                lesson.Questions.Add(question);
            }
            course.Lessons.Add(lesson);
        }
        db.Add(course);
        // Live sessions: the ICC process's workshops and webinars, if the events demo has put any there.
        if (icc is Guid iccId)
        {
            var events = await db.Set<Event>().Where(e => e.ProcessId == iccId && (e.Type == EventType.Workshop || e.Type == EventType.Webinar))
                .Select(e => e.Id).ToListAsync(ct);
            foreach (var id in events)
                db.Add(new CourseEvent { CourseId = course.Id, EventId = id });
        }
        await db.SaveChangesAsync(ct);
    }
}
