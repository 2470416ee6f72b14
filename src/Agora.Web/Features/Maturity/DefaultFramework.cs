using Agora.Web.Infrastructure.Data;

namespace Agora.Web.Features.Maturity;

/// <summary>
/// The default framework for e-government and citizen participation in Sofia, written for this platform: the eight
/// dimensions the founding document's workshops kept returning to, each with five levels from "initial" to
/// "leading" described concretely enough that a city official and a resident read the same thing into a score.
/// </summary>
public static class DefaultFramework
{
    private sealed record Dim(string Key, string NameBg, string NameEn, string DescBg, string DescEn, string[] LevelsBg, string[] LevelsEn);

    private static readonly Dim[] Dimensions =
    [
        new("strategy", "Стратегия и лидерство", "Strategy and leadership",
            "Доколко електронното управление и гражданското участие са част от стратегията на общината, с отговорни хора, бюджет и измерими цели.",
            "How far e-government and citizen participation are part of the municipality's strategy, with people in charge, a budget and measurable goals.",
            [
                "Няма стратегия; инициативите зависят от отделни служители и проекти.",
                "Има декларирани намерения и отделни проекти, но без обща рамка, бюджет и отговорник.",
                "Приета е стратегия с цели и отговорни звена; бюджетът е заложен, но изпълнението не се отчита редовно.",
                "Стратегията се изпълнява по план с показатели, отчита се публично всяка година и се преразглежда с участието на заинтересованите страни.",
                "Участието е начин на управление: ръководството го отстоява, решенията се вземат с данни и граждани, а София служи за пример на други градове.",
            ],
            [
                "No strategy; initiatives depend on individual officials and projects.",
                "Stated intentions and separate projects, but no common framework, budget or owner.",
                "An adopted strategy with goals and responsible units; a budget is set, but delivery is not reported regularly.",
                "The strategy is delivered to plan with indicators, reported publicly every year and revised with stakeholders.",
                "Participation is how the city is governed: leadership champions it, decisions are made with data and residents, and Sofia is an example to other cities.",
            ]),
        new("channels", "Канали за взаимодействие", "Channels of interaction",
            "Как гражданите, бизнесът и организациите общуват с общината: онлайн, на място и по телефона, и дали каналите работят заедно.",
            "How residents, businesses and organisations communicate with the municipality — online, in person and by phone — and whether the channels work together.",
            [
                "Основно хартия и гише; онлайн каналите са информационни и често не получават отговор.",
                "Има електронна поща и отделни онлайн форми, но всяка служба работи по свой начин, без проследяване.",
                "Единни онлайн канали за сигнали и запитвания със срокове за отговор и номер за проследяване.",
                "Каналите са свързани: едно обръщение се проследява от подаването до решението, независимо откъде е дошло; има обратна връзка за качеството.",
                "Двупосочна комуникация по избор на човека — онлайн, мобилно, на място — с проактивни известия и постоянно подобрение по данни от ползването.",
            ],
            [
                "Mostly paper and counters; online channels only inform and often get no answer.",
                "E-mail and some online forms exist, but each department works its own way, without tracking.",
                "Common online channels for reports and enquiries, with response times and a tracking number.",
                "Channels are joined up: a request is tracked from submission to decision wherever it came from; quality feedback is collected.",
                "Two-way communication on the person's terms — online, mobile, in person — with proactive notices and constant improvement from usage data.",
            ]),
        new("participation", "Процеси за участие", "Participation processes",
            "Стълбата на участието: от информиране и консултиране до съвместно решаване; доколко процесите са предвидими, открити и влияят на решенията.",
            "The ladder of participation, from informing and consulting to deciding together; how predictable and open processes are and whether they shape decisions.",
            [
                "Гражданите само се информират за вече взети решения.",
                "Консултации се провеждат, когато законът ги изисква, с кратки срокове и без отговор на мненията.",
                "Редовни консултации и обществени обсъждания по ясни правила; получените мнения се публикуват с отговор.",
                "Гражданите и организациите участват от началото — в определяне на нуждите и вариантите — чрез работни срещи, предложения и гласувания.",
                "Съвместно решаване: част от решенията и бюджета се определят от гражданите, а резултатите им се изпълняват и отчитат.",
            ],
            [
                "Residents are only informed about decisions already taken.",
                "Consultations are held when the law requires them, with short deadlines and no answer to the views received.",
                "Regular consultations and public hearings under clear rules; the views received are published with a response.",
                "Residents and organisations take part from the start — defining needs and options — through workshops, proposals and votes.",
                "Deciding together: part of the decisions and the budget is set by residents, and the results are carried out and reported.",
            ]),
        new("open-data", "Отворени данни и прозрачност", "Open data and transparency",
            "Публикуването на данни и документи на общината в отворени, машинночетими формати, с ясни правила и лиценз, и използването им от други.",
            "Publication of the municipality's data and documents in open, machine-readable formats, with clear rules and licence, and their reuse by others.",
            [
                "Данни почти не се публикуват; документи се дават при заявление по ЗДОИ.",
                "Отделни набори се публикуват нередовно, често като PDF, без описание и лиценз.",
                "Има правила за данните и портал с набори в отворени формати и отворен лиценз, обновявани по график.",
                "Ключовите данни (бюджет, поръчки, решения, услуги) се публикуват автоматично, с API и описание; бизнес и университети ги ползват.",
                "Отворено по подразбиране: данните захранват услуги и изследвания, общината приема искания за нови набори и отчита ползването им.",
            ],
            [
                "Almost no data is published; documents are given on request under the access to information act.",
                "Some datasets are published irregularly, often as PDF, without description or licence.",
                "Data rules and a portal with datasets in open formats under an open licence, updated on a schedule.",
                "Key data (budget, procurement, decisions, services) is published automatically, with an API and documentation; businesses and universities use it.",
                "Open by default: data feeds services and research, the municipality takes requests for new datasets and reports on their use.",
            ]),
        new("one-place", "Информация на едно място", "Information in one place",
            "Дали човек намира на едно място информацията и услугите, които се отнасят до него — достъпни (WCAG), разбираеми и изчерпателни.",
            "Whether a person finds in one place the information and services that concern them — accessible (WCAG), understandable and complete.",
            [
                "Информацията е разпръсната по много сайтове, често остаряла и трудна за разбиране.",
                "Основните сайтове са обновени, но всяка тема е на различно място и езикът е административен.",
                "Единен вход към информацията и услугите, с търсене; текстовете се пишат разбираемо и се проверява достъпността.",
                "Информацията е пълна и навременна, на ясен език и на английски, съответства на WCAG 2.1 AA и се подобрява по отзивите на ползвателите.",
                "Персонализиран и проактивен достъп: човек получава навреме това, което се отнася до него и квартала му, по удобния за него канал.",
            ],
            [
                "Information is scattered over many websites, often outdated and hard to understand.",
                "The main sites are updated, but each topic lives somewhere else and the language is bureaucratic.",
                "One entry point to information and services, with search; texts are written plainly and accessibility is checked.",
                "Information is complete and timely, in plain language and in English, conforms to WCAG 2.1 AA and improves from user feedback.",
                "Personal and proactive: people receive in time what concerns them and their neighbourhood, through the channel they prefer.",
            ]),
        new("skills", "Умения и образование", "Skills and education",
            "Цифровите умения и уменията за участие на гражданите и на администрацията — обучения, помощ и култура на учене.",
            "The digital and participation skills of residents and of the administration — training, assistance and a culture of learning.",
            [
                "Няма обучения; много граждани и служители не ползват електронните услуги.",
                "Отделни обучения по проекти, без оценка на нуждите и без продължение.",
                "Редовни обучения за служители и граждани, с помощ на място (библиотеки, читалища, районни администрации).",
                "Програма за умения, съобразена с нуждите на различни групи, с партньори и измерими резултати; служителите водят процеси за участие.",
                "Учещ се град: гражданите и служителите споделят знания, материалите са отворени, а уменията растат видимо и в най-уязвимите групи.",
            ],
            [
                "No training; many residents and staff do not use e-services.",
                "Occasional project-based training, with no needs assessment and no follow-up.",
                "Regular training for staff and residents, with help on site (libraries, community centres, district offices).",
                "A skills programme shaped to the needs of different groups, with partners and measurable results; staff facilitate participation processes.",
                "A learning city: residents and staff share knowledge, materials are open, and skills visibly grow also in the most vulnerable groups.",
            ]),
        new("partnerships", "Партньорства с бизнеса и организациите", "Partnerships with business and organisations",
            "Постоянните връзки на общината с компании, клъстери, университети и неправителствени организации за общи цели.",
            "The municipality's standing links with companies, clusters, universities and NGOs for shared goals.",
            [
                "Контактите са случайни и лични; организациите не знаят към кого да се обърнат.",
                "Отделни споразумения и съвместни събития, без обща рамка и без проследяване на резултатите.",
                "Регистър на заинтересованите страни, постоянни работни групи и ясни правила за партньорство.",
                "Съвместни програми с разпределени ангажименти и ресурси, чийто напредък се отчита публично.",
                "Екосистема: бизнес, наука, организации и община създават заедно решения и ги мащабират, а партньорствата се подновяват по резултати.",
            ],
            [
                "Contacts are occasional and personal; organisations do not know whom to approach.",
                "Separate agreements and joint events, with no common framework and no tracking of results.",
                "A stakeholder registry, standing working groups and clear rules for partnership.",
                "Joint programmes with assigned commitments and resources, whose progress is reported publicly.",
                "An ecosystem: business, academia, organisations and the city create solutions together and scale them, and partnerships are renewed on results.",
            ]),
        new("feedback", "Обратна връзка и отчетност", "Feedback and accountability",
            "Затваряне на кръга: дали участниците научават какво е станало с приноса им и дали общината отчита решенията и изпълнението им.",
            "Closing the loop: whether participants learn what became of their input and whether the municipality accounts for its decisions and their delivery.",
            [
                "Участниците не научават какво е станало с мненията им.",
                "Понякога се публикува обобщение, но без връзка между мненията и решенията.",
                "На всеки принос се отговаря мотивирано; решенията посочват как са отчетени мненията.",
                "Изпълнението на решенията и ангажиментите се проследява публично с етапи и срокове; участниците получават известия.",
                "Пълна отчетност: всеки може да проследи пътя от идея до резултат, а оценките на участниците променят начина, по който общината работи.",
            ],
            [
                "Participants never learn what became of their views.",
                "A summary is sometimes published, but with no link between the views and the decisions.",
                "Every contribution gets a reasoned answer; decisions state how the views were taken into account.",
                "Delivery of decisions and commitments is tracked publicly with milestones and dates; participants are notified.",
                "Full accountability: anyone can follow the path from idea to result, and participants' assessments change how the municipality works.",
            ]),
    ];

    public static IReadOnlyList<string> Keys { get; } = Dimensions.Select(d => d.Key).ToList();

    /// <summary>A fresh copy of the default framework, ready to add.</summary>
    public static MaturityFramework Create(DateTime now)
    {
        var framework = new MaturityFramework
        {
            Name = new("Зрялост на е-управлението и гражданското участие", "Maturity of e-government and citizen participation"),
            Description = new(
                "Рамка за оценка в осем измерения, всяко с пет нива: 1 — начално, 2 — развиващо се, 3 — определено, 4 — управлявано, 5 — водещо. "
                + "Всеки оценител посочва сегашното ниво и нивото, към което трябва да се стремим, с обосновка.",
                "An assessment framework in eight dimensions, each with five levels: 1 initial, 2 developing, 3 defined, 4 managed, 5 leading. "
                + "Each assessor gives the current level and the level to aim for, with a justification."),
            CreatedAt = now,
        };
        for (var i = 0; i < Dimensions.Length; i++)
        {
            var d = Dimensions[i];
            var dim = new MaturityDimension
            {
                FrameworkId = framework.Id,
                Key = d.Key,
                Position = i,
                Name = new(d.NameBg, d.NameEn),
                Description = new(d.DescBg, d.DescEn),
            };
            for (var level = 1; level <= 5; level++)
                dim.SetLevel(level, new LocalizedText(d.LevelsBg[level - 1], d.LevelsEn[level - 1]));
            framework.Dimensions.Add(dim);
        }
        return framework;
    }
}
