//! Table tests of the fact fields of Russian articles: each case is a short article of our
//! own, its date, the figure as written and the value the decision gives its field.

use crate::{extract, DocContext, Fact};

fn fact_of(article: &str, date: &str, figure: &str) -> Fact {
    let ctx = DocContext {
        doc: "case",
        date: Some(date.parse().expect("a test date")),
        lang: Some(crate::Lang::Russian),
    };
    let out = extract(article, &ctx);
    out.facts
        .iter()
        .find(|f| f.text == figure)
        .cloned()
        .unwrap_or_else(|| {
            let found: Vec<&str> = out.facts.iter().map(|f| f.text.as_str()).collect();
            panic!("no fact {figure:?} in {article:?}; found {found:?}")
        })
}

/// Runs `(article, date, figure, expected)` cases through `field`, every failure at once.
fn check(cases: &[(&str, &str, &str, &str)], field: impl Fn(&Fact) -> String) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|&(article, date, figure, expected)| {
            let got = field(&fact_of(article, date, figure));
            (got != expected)
                .then(|| format!("{figure:?} in {article:?}: {got:?}, want {expected:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

fn json(v: impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "-".to_string())
}

#[test]
fn status_by_tense() {
    check(
        &[
            // An item of a list that opens with an infinitive is a task; a number word that
            // ends as an infinitive does is none.
            (
                "Задачи области:\n\n– создать за пять лет 60 тыс. рабочих мест;\n– часть средств, 2 млрд тенге, \
                 уже освоена.",
                "2021-05-10",
                "60 тыс. рабочих мест",
                "planned",
            ),
            (
                "Итоги:\n\n– Десять новых заводов открылись в 2020 году.",
                "2021-05-10",
                "Десять новых заводов",
                "actual",
            ),
            // The future of a sowing or of an area taken is a plan.
            ("Сев\n\nВ этом году аграрии засеют 1,3 млн га пшеницы.", "2024-03-20", "1,3 млн га", "planned"),
            ("Сев\n\nПод масличные культуры займут около 600 тыс. га.", "2024-03-20", "600 тыс. га", "planned"),
            // What was in fact spent is achieved, whatever was provided before it.
            (
                "На программу в 2018–2020 годах было предусмотрено 2,4 млрд сомов, фактически \
                 освоено 1,9 млрд сомов.",
                "2021-05-10",
                "1,9 млрд сомов",
                "actual",
            ),
            // Verbs of the future whose stems other forms share, as written; what a plan
            // starts from now stands already.
            (
                "Банк предоставит городу кредит в размере 20 млн долларов.",
                "2023-11-10",
                "20 млн долларов",
                "planned",
            ),
            (
                "Ещё 4 млн долларов район получит в виде гранта.",
                "2023-11-10",
                "4 млн долларов",
                "planned",
            ),
            (
                "В этом году фермеры намерены собрать 300 тыс. тонн зерна.",
                "2023-05-10",
                "300 тыс. тонн",
                "planned",
            ),
            (
                "Долю импорта решено снизить с нынешних 48% до 40% к 2029 году.",
                "2025-02-10",
                "48%",
                "actual",
            ),
            (
                "Программа субсидирования позволила поддержать 340 предприятий.",
                "2023-11-10",
                "340 предприятий",
                "actual",
            ),
            (
                "Новый комбинат позволит создать 600 рабочих мест.",
                "2023-11-10",
                "600 рабочих мест",
                "planned",
            ),
            (
                "На ремонт дорог района выделят 7 млрд тенге.",
                "2023-11-10",
                "7 млрд тенге",
                "planned",
            ),
            (
                "На ремонт дорог района выделено 7 млрд тенге.",
                "2023-11-10",
                "7 млрд тенге",
                "actual",
            ),
            (
                "Из областного бюджета на эти цели выделено 9 млрд тенге.",
                "2023-11-10",
                "9 млрд тенге",
                "actual",
            ),
            (
                "В следующем году мы должны создать 4 тысячи рабочих мест.",
                "2023-11-10",
                "4 тысячи рабочих мест",
                "planned",
            ),
            // A figure right after a past verb of its own was done, whatever plan the
            // sentence named first; not one the words before put in the future.
            (
                "Вместо запланированных 900 рабочих мест в прошлом году создано 640.",
                "2024-02-10",
                "640",
                "actual",
            ),
            (
                "Аким обещал 40 км дорог, отремонтировано 36 км.",
                "2024-02-10",
                "36 км",
                "actual",
            ),
            (
                "До конца года в районе будут построены и реконструированы 60 км сетей.",
                "2024-02-10",
                "60 км",
                "planned",
            ),
            (
                "Аким обещал, что в районе будет открыто 12 цехов и создано 400 рабочих мест.",
                "2024-02-10",
                "400 рабочих мест",
                "planned",
            ),
            (
                "Обещали 900 рабочих мест – создали 640.",
                "2024-02-10",
                "900 рабочих мест",
                "planned",
            ),
            (
                "Рудник в прошлом году добыл 2,1 тонны золота.",
                "2024-02-10",
                "2,1 тонны",
                "actual",
            ),
            (
                "Проектом предусмотрены расходы на ремонтные работы 40 млрд тенге.",
                "2024-02-10",
                "40 млрд тенге",
                "planned",
            ),
            (
                "В портфеле фонда сформировано 18 проектов на 400 млрд тенге.",
                "2024-02-10",
                "18 проектов",
                "planned",
            ),
            (
                "По программе запланировано 900 рабочих мест.",
                "2024-02-10",
                "900 рабочих мест",
                "planned",
            ),
        ],
        |f| json(f.status),
    );
}

#[test]
fn metric_of_a_listed_sector() {
    let list = "Рост обеспечен за счет горнодобывающей отрасли – на 6%, строительства – на 7,5%, \
                ввода жилья – на 2,3%, торговли – на 1,1%.";
    check(
        &[
            (list, "2023-11-10", "7,5%", "output"),
            (list, "2023-11-10", "2,3%", "housing"),
            (list, "2023-11-10", "1,1%", "output"),
        ],
        |f| json(f.metric),
    );
}

#[test]
fn a_comparison_measures_what_the_figure_before_did() {
    check(
        &[
            (
                "Фермеры района экспортировали продукцию на 40 млн долларов, что в 1,3 раза \
                 больше, чем годом ранее.",
                "2024-07-10",
                "1,3 раза",
                "trade",
            ),
            (
                "За полугодие в городе введено 210 тысяч кв. м жилья.\n\nЗа полугодие в \
                 городе сдано 300 тысяч кв. м жилья. Это на 4,2% больше, чем за тот же период \
                 прошлого года.",
                "2024-07-10",
                "4,2%",
                "housing",
            ),
            (
                "С начала года угольщики области добыли 8,4 млн тонн угля, на 6,1% больше, \
                 чем годом ранее.",
                "2024-07-10",
                "6,1%",
                "output",
            ),
            (
                "Экспорт зерна из района составил 96 млн долларов, увеличившись в 1,4 раза.",
                "2024-07-10",
                "1,4 раза",
                "trade",
            ),
        ],
        |f| json(f.metric),
    );
}

#[test]
fn the_next_place_of_a_ranking_and_what_holds_it() {
    let article = "Рейтинг\n\nПервое место занимает Согдийская область, на втором месте \
                   Душанбе, на третьем – Хатлонская область.";
    check(
        &[(article, "2025-08-01", "третьем", "Khatlon region")],
        |f| f.subject.clone().unwrap_or_default(),
    );
}

#[test]
fn what_it_cost_carriage_and_business_entities() {
    check(
        &[
            (
                "Реконструкция моста обошлась областному бюджету в 3,2 млрд тенге.",
                "2024-07-10",
                "3,2 млрд тенге",
                "project_value",
            ),
            (
                "Объём контейнерных перевозок через станцию вырос в 1,2 раза.",
                "2024-07-10",
                "1,2 раза",
                "transport",
            ),
            (
                "Ввод жилья по регионам:\n\nТараз – 410 тыс. кв. м жилья (рост на 6,2%);",
                "2024-07-10",
                "6,2%",
                "housing",
            ),
            (
                "Служба занятости за квартал трудоустроила 1 450 безработных.",
                "2024-07-10",
                "1 450 безработных",
                "employment",
            ),
            (
                "Численность персонала комбината на конец года – 2 100 человек.",
                "2024-07-10",
                "2 100 человек",
                "employment",
            ),
            (
                "В технопарке за год зарегистрированы 11 новых субъектов.",
                "2024-07-10",
                "11 новых субъектов",
                "companies",
            ),
        ],
        |f| json(f.metric),
    );
}

#[test]
fn a_figure_beside_the_one_before_is_the_same_measure() {
    let sentence =
        "Промышленное производство района выросло на 6,3%, тогда как в среднем по стране – 2,1%.";
    check(&[(sentence, "2024-07-10", "2,1%", "change")], |f| {
        json(f.measure)
    });
    check(&[(sentence, "2024-07-10", "2,1%", "output")], |f| {
        json(f.metric)
    });
}

#[test]
fn measure_of_a_comparison() {
    check(
        &[
            // A count after `на` right after a word of change is a change; after a noun it
            // is a size.
            (
                "Площадь теплиц увеличилась на 35 гектаров.",
                "2023-11-10",
                "35 гектаров",
                "change",
            ),
            (
                "Зона будет расширена на 120 гектаров.",
                "2023-11-10",
                "120 гектаров",
                "change",
            ),
            (
                "В районе открылась теплица на 12 гектаров.",
                "2023-11-10",
                "12 гектаров",
                "level",
            ),
            (
                "Экспорт за 9 месяцев составил 2,1 млрд долларов, что на 15,4% больше уровня \
             прошлого года.",
                "2023-11-10",
                "15,4%",
                "change",
            ),
            (
                "Рост отмечен в торговле – на 6,1%, строительстве – 4,8%, транспорте – 2,2%.",
                "2023-11-10",
                "4,8%",
                "change",
            ),
            // `на` after a participle of its own clause says what the goods are worth,
            // whatever change a clause before it told.
            (
                "Объём строительства вырос на 4,2%, продукции сельского хозяйства \
                 произведено на 2,6 трлн сумов.",
                "2023-11-10",
                "2,6 трлн сумов",
                "level",
            ),
            (
                "Объём строительства вырос на 4,2%, а торговли – на 1,1 трлн сумов.",
                "2023-11-10",
                "1,1 трлн сумов",
                "change",
            ),
            // A comparative after a yield per hectare; a plan beaten by so much.
            (
                "Урожайность пшеницы составила 31,5 ц/га, что на 2,4 ц/га выше прошлогодней.",
                "2023-11-10",
                "2,4 ц",
                "change",
            ),
            (
                "План по налогам перевыполнен на 2,1 млрд тенге.",
                "2023-11-10",
                "2,1 млрд тенге",
                "change",
            ),
            // A dash stands for the change word again: a noun in the genitive before `на`
            // is no verb of its own.
            (
                "Выпуск продукции вырос на 6%, строительство района – на 3,2%.",
                "2023-11-10",
                "3,2%",
                "change",
            ),
            // A change word, then the base it is set against, then the rate after a dash.
            (
                "Выпуск цемента составил 1,2 млн тонн, рост к уровню прошлого года – 7,3%.",
                "2023-11-10",
                "7,3%",
                "change",
            ),
            // A part of all the employed is a share of them.
            (
                "В малом бизнесе занято 410 тыс. человек, это 38% всех занятых в области.",
                "2023-11-10",
                "38%",
                "share",
            ),
        ],
        |f| json(f.measure),
    );
}

#[test]
fn period_of() {
    let to_date = "За 9 месяцев текущего года выпуск вырос на 5%. С начала года \
                   произведено продукции на 900 млрд тенге.\n\nС начала года в отрасль \
                   вложено 40 млрд тенге.";
    check(
        &[
            // The year that is ending is the year it is said in.
            (
                "В уходящем году рост экономики составит 5,8%.",
                "2024-12-20",
                "5,8%",
                "2024",
            ),
            // A day is the figure's time.
            (
                "15 марта в Костанае открыли цех на 80 рабочих мест.",
                "2023-11-10",
                "80 рабочих мест",
                "2023-03-15",
            ),
            // A plan with no time of its own takes the deadline of its sentence.
            (
                "До 2028 года в области сформирован пул из 40 проектов, которые позволят \
                 создать 5 тыс. рабочих мест.",
                "2024-04-02",
                "5 тыс. рабочих мест",
                "2024/2028",
            ),
            // ... but not the plans of another paragraph.
            (
                "В 2025 году планируется запустить 6 заводов.\n\nТакже планируется \
                 построить 3 школы.",
                "2024-04-02",
                "3 школы",
                "-",
            ),
            // A count said to stand today is of the document's year, not of the founding
            // told beside it.
            (
                "Технопарк открыт в 2020 году, сегодня в нем работают 40 компаний.",
                "2025-04-02",
                "40 компаний",
                "2025",
            ),
            // A span of months named in the paragraph wins over `с начала года`; the next
            // paragraph names none.
            (to_date, "2023-11-20", "900 млрд тенге", "2023-01/2023-09"),
            (to_date, "2023-11-20", "40 млрд тенге", "2023-01/2023-11"),
            (
                "По итогам года уровень безработицы составит 4,6%.",
                "2023-10-02",
                "4,6%",
                "2023",
            ),
            // A programme approved for years still running dates the money set aside for it
            // in the next sentence.
            (
                "Правительство утвердило программу ремонта школ на 2024–2026 годы. На её \
                 реализацию будет выделено 52 млрд тенге.",
                "2024-02-10",
                "52 млрд тенге",
                "2024/2026",
            ),
            // The year of a figure set against the news is no period the news reports on.
            (
                "Сбор хлопка завершён: собрано 310 тыс. тонн, урожайность составила 28,1 ц/га \
                 против 26,4 ц/га в прошлом году, сообщили в управлении.",
                "2022-10-20",
                "310 тыс. тонн",
                "2022",
            ),
        ],
        |f| f.period.map_or("-".to_string(), |p| p.to_string()),
    );
}

#[test]
fn sentences_that_speak_of_the_figure_before() {
    let breakdown = "Инвестиции в основной капитал района достигли 64 млрд тенге. В том \
                     числе, из местного бюджета — 11 млрд тенге.";
    let indicator = "Уровень бедности в области составил 9%. В 2027 году этот показатель \
                     планируют снизить до 6,5%.";
    let pool = "На 2024-2028 годы в городе сформирован пул из 31 проекта. Общая стоимость \
                этих проектов составляет 700 млрд тенге.";
    check(
        &[
            (breakdown, "2024-04-02", "11 млрд тенге", "investment"),
            (indicator, "2024-04-02", "6,5%", "income"),
        ],
        |f| json(f.metric),
    );
    check(
        &[(pool, "2024-04-02", "700 млрд тенге", "planned")],
        |f| json(f.status),
    );
}

#[test]
fn companies_by_legal_form() {
    let article = "В Павлодарской области ТОО «Северный Литейный Двор» запустило цех \
                   стоимостью 9 млрд тенге. В следующем году компания планирует нанять ещё \
                   120 человек.";
    check(
        &[
            (
                article,
                "2024-04-02",
                "9 млрд тенге",
                "ТОО «Северный Литейный Двор»",
            ),
            (
                article,
                "2024-04-02",
                "120 человек",
                "ТОО «Северный Литейный Двор»",
            ),
            (
                "АО «Озёрный Терминал» перевалило 3 млн тонн зерна.",
                "2024-04-02",
                "3 млн тонн",
                "АО «Озёрный Терминал»",
            ),
            // A joint venture's two legal forms, a name in Latin letters holding an English
            // head of its own (`Textile`).
            (
                "В Гиждуванском районе СП ООО «Zarafshan Textile Group» открыло цех на 250 \
                 рабочих мест.",
                "2024-04-02",
                "250 рабочих мест",
                "СП ООО «Zarafshan Textile Group»",
            ),
            // An Uzbek bank's legal form.
            (
                "Кредитный портфель АКБ «Самарканд Инвест банк» составил 4,2 трлн сумов.",
                "2024-04-02",
                "4,2 трлн сумов",
                "АКБ «Самарканд Инвест банк»",
            ),
        ],
        |f| f.subject.clone().unwrap_or_else(|| "-".to_string()),
    );
}

#[test]
fn the_place_a_rank_is_counted_in_is_not_its_subject() {
    check(
        &[
            (
                "Экспорт мебели из Костанайской области вырос вдвое: 2 место по РК.",
                "2024-05-14",
                "2 место",
                "Kostanay region",
            ),
            (
                "По выпуску зерна Акмолинская область занимает 3 место в Казахстане.",
                "2024-05-14",
                "3 место",
                "Akmola region",
            ),
            (
                "Казахстан занял 28 место в рейтинге.",
                "2024-05-14",
                "28 место",
                "Kazakhstan",
            ),
        ],
        |f| f.subject.clone().unwrap_or_else(|| "-".to_string()),
    );
}

#[test]
fn subjects_in_russian() {
    let subject = |f: &Fact| f.subject.clone().unwrap_or_else(|| "-".to_string());
    // A region named once in the lead gives way to the company the figure's sentence names.
    let lead = "Туркестанская область привлекает инвесторов в переработку хлопка.\n\n\
                В Сайрамском районе ТОО «Ак Мақта» запустило прядильную фабрику стоимостью \
                18 млрд тенге. В регионе также планируется создать 3 тысячи рабочих мест.";
    // `регион`, `область` alone refer to the region: a one-paragraph report about it
    // stays about it though a company is named twice later.
    let report = "Костанайская область за прошлый год привлекла 310 млрд тенге инвестиций. \
                  Аким области отметил рост в обрабатывающей промышленности. Рост составил \
                  9,4%. В регионе создано 4,2 тысячи рабочих мест. АО «Кустанай Агро» \
                  строит элеватор. В 2025 году компания планирует вложить 12 млрд тенге.";
    // A plant named in the genitive, and a company after `на предприятии`.
    let plants = "В Караганде началось строительство завода «Сарыарка Кабель» стоимостью \
                  24 млрд тенге. На предприятии ТОО «Темир Профиль» создано 150 рабочих мест.";
    // A bank, a fund and a border post named by a lower-case head and quotes.
    let lenders = "Шымкент\n\nС начала года банк «Орда Кредит» выдал местным \
                   предпринимателям 48 млрд тенге кредитов. Региональный фонд «Береке» выдал ещё \
                   900 микрокредитов на 6 млрд тенге. Через пункт пропуска «Капланбек» \
                   прошли 52 тыс. грузовиков.";
    // `предприятие`, `фабрика` alone: the company that makes things named before, unless a
    // town named since is where another, unnamed plant stands; `183 предприятия` counts.
    let works = "Кентау\n\nВ Кентау начала работу фабрика ТОО «Кентау Текстиль». Станки \
                 закуплены в Китае. На предприятии трудоустроены 120 человек.";
    let other_plant = "Туркестан\n\nТОО «Алтын Кум» запустило цех в Шымкенте. В Ленгере \
                       строится кирпичный завод, на предприятии будут работать 80 человек.";
    // An airline or a company named in quotes after its lower-case head is the subject; a
    // person after `компании` is no company.
    let airline = "Авиация\n\nАЛМАТЫ. Пассажиропоток авиакомпании «Степь Эйр» за год вырос \
                   на 14% и превысил 900 тыс. человек.";
    let director = "Мясо\n\nТОО «Жайык Ет» в Уральске выпустило 20 тыс. тонн мяса, рассказал \
                    директор компании Арман Жумабаев. Тогда же предприятие отправило на экспорт \
                    1,2 тыс. тонн продукции.";
    let unquoted_plant = "Цемент\n\nПроизводство завода Кокше Цемент выросло на 14%.";
    // `по стране`: the country the document names, else none; never the region.
    let unnamed = "Экспорт Павлодарской области вырос на 12%, тогда как по стране – на 4,5%.";
    let named = "Экспорт Павлодарской области вырос на 12%, тогда как по стране – на 4,5%. \
                 Казахстан нарастил поставки в Китай.";
    check(
        &[
            (lead, "2024-05-14", "18 млрд тенге", "ТОО «Ак Мақта»"),
            (
                lead,
                "2024-05-14",
                "3 тысячи рабочих мест",
                "Turkistan region",
            ),
            (report, "2024-02-20", "9,4%", "Kostanay region"),
            (
                report,
                "2024-02-20",
                "4,2 тысячи рабочих мест",
                "Kostanay region",
            ),
            (report, "2024-02-20", "12 млрд тенге", "АО «Кустанай Агро»"),
            (
                plants,
                "2024-05-14",
                "24 млрд тенге",
                "завод «Сарыарка Кабель»",
            ),
            (
                plants,
                "2024-05-14",
                "150 рабочих мест",
                "ТОО «Темир Профиль»",
            ),
            (lenders, "2024-05-14", "48 млрд тенге", "банк «Орда Кредит»"),
            (lenders, "2024-05-14", "6 млрд тенге", "фонд «Береке»"),
            (
                lenders,
                "2024-05-14",
                "52 тыс. грузовиков",
                "пункт пропуска «Капланбек»",
            ),
            (works, "2024-05-14", "120 человек", "ТОО «Кентау Текстиль»"),
            (other_plant, "2024-05-14", "80 человек", "Lenger"),
            (airline, "2024-05-14", "14%", "авиакомпания «Степь Эйр»"),
            (unquoted_plant, "2024-05-14", "14%", "завод «Кокше Цемент»"),
            (director, "2024-05-14", "1,2 тыс. тонн", "ТОО «Жайык Ет»"),
            (unnamed, "2024-05-14", "12%", "Pavlodar region"),
            (unnamed, "2024-05-14", "4,5%", "-"),
            (named, "2024-05-14", "4,5%", "Kazakhstan"),
            // A dash and a place after a whole open a clause of its own.
            (
                "Средняя зарплата по Казахстану составила 390 тыс. тенге – в Алматы она выше.",
                "2024-05-14",
                "390 тыс. тенге",
                "Kazakhstan",
            ),
            // A dash and a preposition of place after a part lead to where it is.
            (
                "В Туркестанской области открыто 2 400 новых предприятий, из них 910 – в \
                 Туркестане.",
                "2024-05-14",
                "910",
                "Turkistan",
            ),
        ],
        subject,
    );
}

#[test]
fn a_growth_that_names_nothing_is_of_the_sector_before() {
    let report = "Жамбылская область подвела итоги года. Лучше всего отработало сельское \
                  хозяйство. Рост составил 6,2%, тогда как по стране – 3%.";
    check(
        &[
            (report, "2025-01-20", "6,2%", "output"),
            (report, "2025-01-20", "3%", "output"),
        ],
        |f| json(f.metric),
    );
}

#[test]
fn a_place_compared_with_is_not_the_subject() {
    let article = "Павлодарская область за полгода привлекла 380 млрд тенге инвестиций. \
                   По вводу жилья регион на 12% опережает прошлый год, это больше, чем в \
                   Караганде, где рост составил 4%.";
    let compared = "В Костанайской области выпуск вырос на 7,5%, по сравнению с Актобе \
                    рост выше на 2%.";
    check(
        &[
            (article, "2024-07-15", "12%", "Pavlodar region"),
            (compared, "2024-07-15", "2%", "Kostanay region"),
        ],
        |f| f.subject.clone().unwrap_or_else(|| "-".to_string()),
    );
}

#[test]
fn a_budget_for_a_year_is_planned() {
    let budget = "Бюджет Акмолинской области на 2026 год составит 480 млрд тенге.\n\n\
                  Доходы областного бюджета на 2026 год утверждены в объёме 482,5 млрд \
                  тенге. В составе расходов на образование приходится 120 млрд тенге.";
    check(
        &[
            (budget, "2026-01-15", "480 млрд тенге", "planned"),
            (budget, "2026-01-15", "482,5 млрд тенге", "planned"),
            (budget, "2026-01-15", "120 млрд тенге", "actual"),
        ],
        |f| json(f.status),
    );
    check(
        &[(budget, "2026-01-15", "482,5 млрд тенге", "budget")],
        |f| json(f.metric),
    );
}

#[test]
fn capacity_to_come_takes_its_own_project_deadline_only() {
    let works = "В этом году компания завершит строительство цементного завода мощностью \
                 1 млн тонн в год. Ведется строительство солнечной электростанции мощностью \
                 50 МВт. В 2027 году планируется приступить к строительству цеха мощностью \
                 20 тысяч тонн в год стоимостью 30 млн долларов.";
    let period = |f: &Fact| f.period.map_or_else(|| "-".to_string(), |p| p.to_string());
    check(
        &[
            (works, "2025-03-01", "1 млн тонн", "2025"),
            (works, "2025-03-01", "50 МВт", "-"),
            (works, "2025-03-01", "20 тысяч тонн", "-"),
            (works, "2025-03-01", "30 млн долларов", "2027"),
        ],
        period,
    );
}

#[test]
fn an_amount_again_after_ili_is_one_fact() {
    let housing = "За полгода в Таразе введено 240 тыс. кв. м жилья, или 2 600 квартир.";
    let out = extract(
        housing,
        &DocContext {
            doc: "case",
            date: Some("2024-07-10".parse().expect("a test date")),
            lang: Some(crate::Lang::Russian),
        },
    );
    let got: Vec<(&str, Vec<&str>)> = out
        .facts
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.equivalents.iter().map(|e| e.unit.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(got, vec![("240 тыс. кв. м", vec!["apartment"])]);
}

#[test]
fn a_company_under_a_plant_head_keeps_its_legal_form() {
    check(
        &[(
            "В Таразе открыли завод АО «Стекло Юг» стоимостью 12 млрд тенге.",
            "2024-05-02",
            "12 млрд тенге",
            "АО «Стекло Юг»",
        )],
        |f| f.subject.clone().unwrap_or_default(),
    );
}

#[test]
fn the_city_or_region_named_just_before() {
    check(
        &[
            (
                "Карагандинская область нарастила выпуск.\n\nВ Таразе сдали 40 тыс. кв. м жилья. Сейчас в городе строятся 12 школ.",
                "2024-05-02",
                "12 школ",
                "Taraz",
            ),
            (
                "Карагандинская область нарастила выпуск на 5%. Карагандинская область лидирует.\n\nВ Жамбылской области создано 3 тыс. рабочих мест. Безработица в регионе снизилась на 0,2 п.п.",
                "2024-05-02",
                "0,2 п.п.",
                "Zhambyl region",
            ),
            (
                "В районе области Абай построят фабрику. В регионе за год вложено 90 млрд тенге.",
                "2024-05-02",
                "90 млрд тенге",
                "Abai region",
            ),
        ],
        |f| f.subject.clone().unwrap_or_default(),
    );
}

#[test]
fn periods_of_a_release_on_half_a_year() {
    let release = "Ведомство опубликовало итоги развития отраслей за первое полугодие 2023 года.\n\nВ Шымкенте доля обрабатывающей промышленности достигла 41%.";
    check(
        &[
            (
                "В Павлодаре за полугодие создано 5 тыс. рабочих мест.",
                "2023-08-20",
                "5 тыс. рабочих мест",
                "2023-H1",
            ),
            (
                "В Павлодаре за полугодие создано 5 тыс. рабочих мест.",
                "2023-02-20",
                "5 тыс. рабочих мест",
                "2022-H2",
            ),
            (release, "2023-08-20", "41%", "2023-H1"),
        ],
        |f| f.period.map(|p| p.to_string()).unwrap_or_default(),
    );
}

#[test]
fn tasks_and_portfolios_are_plans() {
    check(
        &[
            (
                "На 2024 год аким поставил задачу создать 2 тыс. рабочих мест.",
                "2024-01-20",
                "2 тыс. рабочих мест",
                "planned",
            ),
            (
                "В портфеле региона 40 проектов на 900 млрд тенге.",
                "2024-01-20",
                "40 проектов",
                "planned",
            ),
            // A bank's loan book and its resources are no pool of projects.
            (
                "Доля проблемных кредитов в портфеле банка снизилась до 3,6%.",
                "2024-07-20",
                "3,6%",
                "actual",
            ),
            (
                "В июне ресурсную базу банка пополнила кредитная линия на $150 млн для малого бизнеса.",
                "2024-07-20",
                "$150 млн",
                "actual",
            ),
            (
                "Кредитный портфель банка на 1 июля составил 9,8 трлн сумов.",
                "2024-07-20",
                "9,8 трлн сумов",
                "actual",
            ),
            (
                "В целом по стране инвестиции выросли на 6%.",
                "2024-01-20",
                "6%",
                "actual",
            ),
        ],
        |f| json(f.status),
    );
}

#[test]
fn a_sentence_opening_on_its_points_back_and_the_capital_by_adjective() {
    check(
        &[
            (
                "В Таразе начато строительство цеха ТОО «Тараз Керамика». Стоимость проекта – 3 млрд тенге.\n\nЗапуск цеха намечен на 2026 год. Его мощность составит 40 тыс. тонн.",
                "2025-04-01",
                "40 тыс. тонн",
                "ТОО «Тараз Керамика»",
            ),
            (
                "Экспорт Таджикистана за полугодие вырос.\n\nСтоличные фабрики продали за рубеж товаров на 30 млн долларов.",
                "2025-08-01",
                "30 млн долларов",
                "Dushanbe",
            ),
        ],
        |f| f.subject.clone().unwrap_or_default(),
    );
}

#[test]
fn the_projects_counted_before_a_paragraph_break() {
    let article = "До конца 2026 года в области откроют 8 фабрик.\n\nОбщая стоимость этих проектов – 90 млрд тенге.";
    check(
        &[(article, "2026-03-01", "90 млрд тенге", "planned")],
        |f| json(f.status),
    );
    check(
        &[(article, "2026-03-01", "90 млрд тенге", "2026")],
        |f| f.period.map(|p| p.to_string()).unwrap_or_default(),
    );
}

#[test]
fn a_region_adjective_whose_noun_the_list_names_once() {
    let subject = |f: &Fact| f.subject.clone().unwrap_or_else(|| "-".to_string());
    let dashes = "Больше всего жилья сдали в Акмолинской области – на 18,2%, в Павлодарской – \
                  на 9,6%, меньше всего в Атырауской – на 1,1%.";
    let brackets = "Выпуск вырос в Самаркандской (в 1,4 раза), Навоийской (112,6%) и \
                    Хорезмской (104,9%) областях.";
    let districts = "В Сайрамском районе создано 300 рабочих мест, в Толебийском – 120 мест.";
    // Without the noun in its sentence, a capitalised adjective is a name's word, not a region.
    let named = "ТОО «Павлодарская энергетика» вложит 4 млрд тенге. Рост составил 5%.";
    let alone = "Карагандинская ГРЭС вложила 5 млрд тенге в ремонт.";
    check(
        &[
            (dashes, "2024-10-10", "18,2%", "Akmola region"),
            (dashes, "2024-10-10", "9,6%", "Pavlodar region"),
            (dashes, "2024-10-10", "1,1%", "Atyrau region"),
            (brackets, "2024-10-10", "1,4 раза", "Samarkand region"),
            (brackets, "2024-10-10", "112,6%", "Navoi region"),
            (brackets, "2024-10-10", "104,9%", "Khorezm region"),
            (
                districts,
                "2024-10-10",
                "300 рабочих мест",
                "Sairam district",
            ),
            (districts, "2024-10-10", "120 мест", "Tolebi district"),
            (
                named,
                "2024-10-10",
                "4 млрд тенге",
                "ТОО «Павлодарская энергетика»",
            ),
            (alone, "2024-10-10", "5 млрд тенге", "-"),
        ],
        subject,
    );
}

#[test]
fn what_a_sentence_names_first_and_what_it_focuses_on_carry_on() {
    let subject = |f: &Fact| f.subject.clone().unwrap_or_else(|| "-".to_string());
    // The region named first, in the genitive, is what the next sentence goes on about; the
    // region of the document's lead is not.
    let theme = "Туркестанская область подвела итоги года.\n\nПредприятия Бухарской области \
                 выпустили продукции на 18 400 млрд сумов. Новые цеха дадут работу 1 200 \
                 человек.";
    // A sentence that names nothing keeps the company the one before it focused on.
    let focus = "В Костанае ТОО «Агро Текстиль» строит фабрику. Стоимость проекта – 9 млрд \
                 тенге. Вторую очередь фабрики стоимостью 4 млрд тенге построят к 2027 году.";
    check(
        &[
            (theme, "2024-10-10", "1 200 человек", "Bukhara region"),
            (focus, "2024-10-10", "9 млрд тенге", "ТОО «Агро Текстиль»"),
            (focus, "2024-10-10", "4 млрд тенге", "ТОО «Агро Текстиль»"),
        ],
        subject,
    );
}

#[test]
fn people_given_work_or_on_the_staff_are_employment() {
    let mill = "На новой фабрике работу получат 700 человек, а ее штат к 2027 году вырастет \
                до 950 человек.";
    check(
        &[
            (mill, "2025-03-01", "700 человек", "employment"),
            (mill, "2025-03-01", "950 человек", "employment"),
        ],
        |f| json(f.metric),
    );
}

#[test]
fn prices_that_rise_or_fall_and_wages_by_region() {
    let prices = "Продукты питания за полугодие подешевели на 1,2%, в том числе мука – на 4,4%. \
                  Непродовольственные товары подорожали на 3,1 процента. С 1 сентября тарифы \
                  на газ вырастут на 14,5%.";
    let wages = "Самый высокий уровень оплаты труда зафиксирован в Чуйской области – 31,2 тыс. \
                 сомов.";
    let metric = |f: &Fact| json(f.metric);
    let measure = |f: &Fact| json(f.measure);
    check(
        &[
            (prices, "2019-07-10", "1,2%", "prices"),
            (prices, "2019-07-10", "4,4%", "prices"),
            (prices, "2019-07-10", "3,1 процента", "prices"),
            (prices, "2019-07-10", "14,5%", "prices"),
            (wages, "2019-07-10", "31,2 тыс. сомов", "income"),
            // Those below the subsistence minimum are the poor, whose incomes are named.
            (
                "Доля жителей с доходами ниже прожиточного минимума снизилась до 9,4%.",
                "2019-07-10",
                "9,4%",
                "income",
            ),
        ],
        metric,
    );
    check(
        &[
            (prices, "2019-07-10", "1,2%", "change"),
            (prices, "2019-07-10", "4,4%", "change"),
            (prices, "2019-07-10", "3,1 процента", "change"),
            (prices, "2019-07-10", "14,5%", "change"),
        ],
        measure,
    );
}

#[test]
fn a_change_over_a_span_and_a_stock_on_a_day() {
    let district = "Район растет\n\nЗа последние пять лет число малых предприятий района выросло \
                    на 31,2% и на 1 июля 2024 года составило 8 400. За этот период построено 12 \
                    школ.";
    check(
        &[
            (district, "2024-07-20", "31,2%", "2020/2024"),
            (district, "2024-07-20", "8 400", "2024-07-01"),
            (district, "2024-07-20", "12 школ", "2020/2024"),
        ],
        |f| json(f.period),
    );
}

#[test]
fn a_region_named_by_its_regional_council() {
    let council = "Бюджет\n\nНа сессии Жамбылского областного маслихата утвержден бюджет. Доходы \
                   бюджета составят 410 млрд тенге.";
    check(
        &[(council, "2024-12-20", "410 млрд тенге", "Zhambyl region")],
        |f| f.subject.clone().unwrap_or_else(|| "-".to_string()),
    );
}

#[test]
fn a_zone_named_at_the_start_of_a_sentence() {
    let article =
        "Индустриальная зона «Береке» создана в 2015 году. В зоне создано 900 рабочих мест.";
    check(
        &[(
            article,
            "2024-04-02",
            "900 рабочих мест",
            "индустриальная зона «Береке»",
        )],
        |f| f.subject.clone().unwrap_or_else(|| "-".to_string()),
    );
}

#[test]
fn a_yearly_rate_past_the_goods_and_money_on_things_counted() {
    // `в год` after the goods a works handles is still its yearly rate: a capacity.
    let works = "Комбинат будет перерабатывать 50 тыс. тонн хлопка в год.";
    let zone = "До конца года мы запустим 18 проектов на 96 млрд тенге, в зоне откроются ещё \
                четыре на 21 млрд тенге.";
    check(
        &[
            (works, "2025-03-01", "50 тыс. тонн", "capacity"),
            (zone, "2025-03-01", "96 млрд тенге", "project_value"),
            (zone, "2025-03-01", "21 млрд тенге", "project_value"),
            (
                "Валовой продукт города вырос на 3,9%.",
                "2025-03-01",
                "3,9%",
                "economy",
            ),
        ],
        |f| json(f.metric),
    );
    check(
        &[
            (works, "2025-03-01", "50 тыс. тонн", "year"),
            (
                "Цех выпускает 3 тыс. тонн пряжи в год.",
                "2025-03-01",
                "3 тыс. тонн",
                "year",
            ),
        ],
        |f| f.per.clone().unwrap_or_else(|| "-".to_string()),
    );
    // `на` money after things counted is their worth, no change; after a word of change it
    // is one.
    check(
        &[
            (zone, "2025-03-01", "96 млрд тенге", "level"),
            (
                "Инвестиции в 12 районах выросли на 40 млрд тенге.",
                "2025-03-01",
                "40 млрд тенге",
                "change",
            ),
        ],
        |f| json(f.measure),
    );
}
