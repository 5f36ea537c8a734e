//! Table tests of the field decisions: each case is a short article of our own, a document
//! date, the figure as written, and the field value the decision must give it.

use crate::{extract, DocContext, Fact};

/// The fact whose `text` is `figure` in `article` said on `date`; panics with the facts found
/// when there is none, so that a failing case shows what was extracted.
fn fact_of(article: &str, date: &str, figure: &str) -> Fact {
    let ctx = DocContext {
        doc: "case",
        date: Some(date.parse().expect("a test date")),
        lang: None,
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

/// Runs a table of `(article, date, figure, expected)` through `field`, reporting every
/// failing case at once.
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

fn or_dash(s: Option<&str>) -> String {
    s.unwrap_or("-").to_string()
}

#[test]
fn per_of() {
    check(
        &[
            // An income the sentence calls monthly is per month; one set against an earlier
            // figure of its unit is per what that one was.
            ("Wages\n\nThe average monthly wage in mining made 498,300 tenge against 171,600 tenge in the region.", "2024-08-01", "498,300 tenge", "month"),
            ("Wages\n\nThe average monthly wage in mining made 498,300 tenge against 171,600 tenge in the region.", "2024-08-01", "171,600 tenge", "month"),
            ("Зарплата\n\nСреднемесячная заработная плата составила 301 400 тенге.", "2024-08-01", "301 400 тенге", "month"),
            ("Rice\n\nThe average yield was 48.6 centners per hectare, against 45.1 centners last year.", "2024-10-01", "45.1 centners", "ha"),
            ("Урожай\n\nУрожайность составила 12,4 ц/га против 10,9 ц/га годом ранее.", "2024-10-01", "10,9 ц", "ha"),
            ("Урожай\n\nХозяйства получили по 13,6 центнера с гектара.", "2024-10-01", "13,6 центнера", "ha"),
            // A yearly income stays as it is said, and money that is no income has no rate.
            ("Income\n\nPer capita income reached 3.1 million tenge, and monthly loans totalled 90 bln tenge.", "2024-08-01", "90 bln tenge", "-"),
        ],
        |f| or_dash(f.per.as_deref()),
    );
}

#[test]
fn unit_of_residents() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // A park's or a zone's residents are its companies; a place's are people.
        ("Park\n\nThe Alatau Tech Park keeps growing. This year it admitted 64 new residents.", "2024-05-01", "64 new residents", "company"),
        ("Park\n\nThe Alatau Tech Park admitted 64 new residents this year.", "2024-05-01", "64 new residents", "company"),
        ("Park\n\nThe Alatau Tech Park opened a clinic for 900 residents in the district.", "2024-05-01", "900 residents", "person"),
        ("Park\n\nThe Alatau Tech Park keeps growing. Gas reached 3,000 residents of the district.", "2024-05-01", "3,000 residents", "person"),
        ("Gas\n\nGas reached 3,000 residents this year.", "2024-05-01", "3,000 residents", "person"),
        ("Region\n\nThe region grew fast.\n\nThe Angren special industrial zone added 12 plants. Since January 4,000 residents received microloans.", "2024-05-01", "4,000 residents", "person"),
        ("Парк\n\nВ технопарке зарегистрировано 120 резидентов.", "2024-05-01", "120 резидентов", "company"),
    ];
    check(cases, |f| or_dash(f.unit.as_deref()));
}

#[test]
fn metric_of() {
    check(
        &[
            // Money before a mill is the mill's cost, whatever it spins.
            ("Mill\n\nKokand Spinning opened a $48 million cotton spinning mill.", "2025-03-01", "$48 million", "project_value"),
            // What a works makes a day or a year, told by a verb of making, is its output; what
            // it can make, or a works yet to come makes, is a capacity.
            ("Dairy\n\nToday the plant processes 280 tonnes of milk a day.", "2024-06-01", "280 tonnes", "output"),
            ("Dairy\n\nIn 1988 the plant processed about 450 tonnes of milk a day.", "2024-06-01", "450 tonnes", "output"),
            ("Dairy\n\nThe plant can process 400 tonnes of milk a day.", "2024-06-01", "400 tonnes", "capacity"),
            ("Dairy\n\nNext year we will open a shop that processes 50 tonnes of milk a day.", "2024-06-01", "50 tonnes", "capacity"),
            ("Dairy\n\nThe new line of 120 tonnes a day was launched in May.", "2024-06-01", "120 tonnes", "capacity"),
            // A share named as a part of the amount before it measures what that amount
            // did, unless its own words after it say what it is.
            ("Cotton\n\nCotton was sown on 90 thousand hectares, of which 40% in Shardara district.", "2024-06-01", "40%", "area"),
            ("Budget\n\nRevenues are set at 300 billion tenge, of which 60 percent are transfers from the republican budget.", "2024-06-01", "60 percent", "budget"),
            // GDP a rate is counted against says nothing of what the rate measures; what the
            // GDP is produced by, it does.
            ("Debt\n\nPublic debt fell from 47.1% of GDP in 2020 to 39.8% in 2021.", "2022-03-01", "47.1%", "budget"),
            ("Переводы\n\nВ 2019 году переводы мигрантов составили 29,4% ВВП.", "2020-03-01", "29,4%", "income"),
            ("Долг\n\nОтношение госдолга к ВВП достигло 41,5%.", "2022-03-01", "41,5%", "budget"),
            ("GRP\n\nThe three largest regions produced 38.5% of GDP.", "2022-03-01", "38.5%", "economy"),
            ("SMEs\n\nSmall firms generate about 36% of GDP.", "2022-03-01", "36%", "economy"),
            ("МСБ\n\nНа долю малого бизнеса приходится 36,5% ВВП.", "2022-03-01", "36,5%", "economy"),
            // Only the state's debt is public money.
            ("Долги\n\nДолг по заработной плате погашен на сумму 120 млн тенге.", "2022-03-01", "120 млн тенге", "income"),
            // Loans to many small firms or households are no project's worth.
            ("Lending\n\nBanks' loans to SMEs grew by 17% to 2.6 trillion tenge.", "2023-03-01", "2.6 trillion tenge", "other"),
            ("Кредиты\n\nПортфель кредитов банков малому бизнесу достиг 7,8 трлн тенге.", "2024-03-01", "7,8 трлн тенге", "other"),
            // A share of a good is a share of what was made, unless its clause says what it
            // measures; a verb before one figure speaks for the figure joined to it.
            ("Power\n\nWind farms gave 4.2% of the country's electricity last year.", "2024-02-01", "4.2%", "output"),
            ("Milk\n\nLarge farms supply 38% of the milk processed in the region.", "2024-02-01", "38%", "output"),
            ("Цемент\n\nНа завод пришлось 21% всего цемента области.", "2024-02-01", "21%", "output"),
            ("Power\n\nElectricity tariffs for households rose 12% in January.", "2024-02-01", "12%", "prices"),
            ("Exports\n\nThe region exported 30% of its cotton to China.", "2024-02-01", "30%", "trade"),
            // A draft budget is a budget, not a project.
            ("Бюджет\n\nПроект бюджета на 2025 год предусматривает доходы в сумме 84,3 млрд сомов.", "2024-11-20", "84,3 млрд сомов", "budget"),
            // Goods a passive verb says were sold abroad, with the share that restates them set
            // between, are exports; so is the part of what was made that the verb says went abroad.
            ("Zone\n\nGoods worth 52.4 bln tenge, or 31%, were exported to Russia.", "2024-02-01", "52.4 bln tenge", "trade"),
            ("Zone\n\nGoods worth 52.4 bln tenge, or 31%, were exported to Russia.", "2024-02-01", "31%", "trade"),
            ("Zone\n\nThe zone's plants made goods worth $210 million in 2023. Of that, goods worth $64 million, or 30%, were exported.", "2024-02-01", "$64 million", "trade"),
            ("Зерно\n\nЗа год хлопка вывезено на 42 млн долларов.", "2024-02-01", "42 млн долларов", "trade"),
            ("Снег\n\nС улиц города за неделю вывезено 38 тыс. кубометров снега.", "2024-02-01", "38 тыс. кубометров", "output"),
            ("Firms\n\nOf 480 enterprises in the zone, 110, or 23%, were set up by foreign investors.", "2024-02-01", "23%", "companies"),
            ("Zone\n\nGoods worth 52.4 bln tenge, or 31 per cent, were exported to Russia.", "2024-02-01", "52.4 bln tenge", "trade"),
            ("Зерно\n\nВ этом сезоне страна экспортирует не менее 6 млн тонн зерна.", "2024-02-01", "6 млн тонн", "trade"),
            ("Buses\n\nThe plant assembled 940 buses and 310 trucks in 2024.", "2025-02-01", "310 trucks", "output"),
            ("Mills\n\nThe mills produced 22,000 tonnes of yarn and 9 million garments in 2024.", "2025-02-01", "9 million garments", "output"),
            ("Farms\n\nFarmers harvested 2 million tonnes of wheat and 300 tractors were bought.", "2025-02-01", "300 tractors", "other"),
            ("Forecast\n\nThe forecast assumes GDP of 260 billion dollars and 8.5% inflation.", "2024-03-01", "8.5%", "prices"),
            ("Mining\n\nThe state owns 51% of the copper miner.", "2024-03-01", "51%", "other"),
            // A sector before `by` and a rate is that rate's, not the next one's.
            ("Economy\n\nConstruction grew by 8.1%, retail trade by 5.2% and industry by 3.4%.", "2025-02-01", "3.4%", "output"),
            // Investment into housing is investment, as into any sector.
            ("Housing\n\nInvestment in housing construction reached 96 billion tenge, and 1.1 million square metres were commissioned.", "2024-05-10", "1.1 million square metres", "housing"),
            ("Housing\n\nInvestment in housing construction reached 96 billion tenge, 7% more than a year before.", "2024-05-10", "96 billion tenge", "investment"),
            ("Housing\n\nInvestment in housing construction reached 96 billion tenge, 7% more than a year before.", "2024-05-10", "7%", "investment"),
            // The noun a count before a rate counts is that count's once the rate's clause
            // names its own; money is what counted things are worth.
            ("Results\n\nThe district reported that 1,200 new jobs were created and investment in fixed capital rose by almost 9 percent.", "2025-02-01", "9 percent", "investment"),
            ("Plans\n\nThe akimat intends to create 3,000 jobs and to bring the unemployment rate down to 4.1%.", "2025-02-01", "4.1%", "unemployment"),
            ("Plans\n\nThis year the region will launch 12 projects worth 95 billion tenge.", "2025-02-01", "95 billion tenge", "project_value"),
            // Plants counted beside a power capacity are power plants.
            ("Power\n\nSince 2015 investors have built 11 small plants with 46 MW.", "2019-07-10", "11 small plants", "infrastructure"),
            ("Plants\n\nSince 2015 investors have built 11 plants with 900 jobs.", "2019-07-10", "11 plants", "companies"),
            ("Plants\n\nThe company operates three cement plants and a 50 MW solar plant.", "2024-03-01", "three cement plants", "companies"),
            // Payments by card are spent by many people, no one's investment.
            ("Cards\n\nCashless payments reached 96 billion soms in the first half.", "2024-07-10", "96 billion soms", "other"),
            ("Карты\n\nОбъём безналичных платежей достиг 31 трлн сумов.", "2024-07-10", "31 трлн сумов", "other"),
            // Mortgages and an average loan go to many borrowers, no project.
            ("Homes\n\nBanks issued 2,300 mortgage loans worth 410 billion soums.", "2025-01-10", "410 billion soums", "other"),
            ("Homes\n\nThe average loan was 52 million tenge.", "2025-01-10", "52 million tenge", "other"),
            ("Ипотека\n\nБанки выдали 2 100 ипотечных кредитов на 900 млрд сумов.", "2025-01-10", "900 млрд сумов", "other"),
            // A tax's name holds `value` but speaks for the budget;
            // microcredits and loans counted with their sum go to many borrowers.
            ("Taxes\n\nValue added tax remained the largest source at 3.61 billion somoni.", "2021-07-10", "3.61 billion somoni", "budget"),
            ("Loans\n\nRural residents received 2,140 microcredits worth 13.2 billion tenge.", "2025-01-10", "13.2 billion tenge", "other"),
            ("Кредиты\n\nБанки выдали 19,2 тыс. микрокредитов на 286 млн сомони.", "2017-07-10", "286 млн сомони", "other"),
            ("Кредиты\n\nМалому бизнесу выдано 1 340 кредитов на сумму 412 млн сомони.", "2017-07-10", "412 млн сомони", "other"),
            // Goods that grow cheaper or dearer say their price.
            ("Prices\n\nPotatoes became 6.8% cheaper as the early harvest arrived.", "2024-05-10", "6.8%", "prices"),
            // Retail, online or not, is trade; comparable prices deflate it and name no price.
            ("Shops\n\nIn comparable prices, retail sales grew 6.4% in the first half.", "2023-07-20", "6.4%", "trade"),
            ("Shops\n\nOnline sales reached 900 billion tenge in 2023.", "2024-02-01", "900 billion tenge", "trade"),
            ("Магазины\n\nОбъём розничной торговли в сопоставимых ценах вырос на 5,1%.", "2023-07-20", "5,1%", "trade"),
            ("Магазины\n\nНа электронную торговлю пришлось 12% розницы.", "2023-07-20", "12%", "trade"),
            ("Итоги\n\nВ сопоставимых ценах рост составил 5,1%.", "2023-07-20", "5,1%", "other"),
            // Vehicles assembled are output, vehicles sold abroad trade.
            ("Cars\n\nThe plant exported 1,200 vehicles last year.", "2024-02-01", "1,200 vehicles", "trade"),
            ("Cars\n\nThe plant plans to assemble 9,000 vehicles this year.", "2024-02-01", "9,000 vehicles", "output"),
            ("Автомобили\n\nЗа полугодие на заводе собрано 3 100 автомобилей.", "2024-07-10", "3 100 автомобилей", "output"),
            // A company's profit and its growth are neither output nor investment; what it
            // spends on its assets is its projects' worth, not public spending.
            ("Results\n\nThe miner's net profit rose 38% in 2023.", "2024-02-01", "38%", "other"),
            ("Results\n\nCapital expenditure: 14 billion tenge", "2024-02-01", "14 billion tenge", "project_value"),
            ("Итоги\n\nКапитальные затраты компании составили 9 млрд тенге.", "2024-02-01", "9 млрд тенге", "project_value"),
            // Water mains and sewers, and the places and people they reach, are the network's;
            // a tariff for sewerage is a price.
            ("Вода\n\nВ этом году водопроводы проложены в 14 сёлах района.", "2024-02-01", "14 сёлах", "infrastructure"),
            ("Вода\n\nК чистой воде подключены 23 тыс. жителей.", "2024-02-01", "23 тыс. жителей", "infrastructure"),
            ("Тарифы\n\nТариф на водоотведение вырастет на 9%.", "2024-02-01", "9%", "prices"),
            ("Water\n\nSewer networks now serve 11 villages.", "2024-02-01", "11 villages", "infrastructure"),
            // The share of roads in good or fair condition is the state of the network; direct
            // investment in a country's statistics is foreign; broadband reaches villages.
            ("Roads\n\nOnly 64% of district roads are in good or fair condition.", "2024-02-01", "64%", "infrastructure"),
            ("Дороги\n\nДоля дорог в хорошем и удовлетворительном состоянии выросла до 81%.", "2024-02-01", "81%", "infrastructure"),
            ("FDI\n\nDirect investment into the region reached $2.3 billion.", "2024-02-01", "$2.3 billion", "fdi"),
            // A lender's loan book and assets are its balance; fixed assets stay investment.
            // Doctors counted are a health system's staff.
            ("Bank\n\nLoan book: 12.4 trillion soums", "2025-02-01", "12.4 trillion soums", "other"),
            ("Фонд\n\nКредитный портфель фонда достиг 80 млрд тенге.", "2025-02-01", "80 млрд тенге", "other"),
            ("Фонд\n\nАктивы фонда выросли до 120 млрд тенге.", "2025-02-01", "120 млрд тенге", "other"),
            ("Bank\n\nThe bank's total assets reached 5.1 trillion soums.", "2025-02-01", "5.1 trillion soums", "other"),
            ("Investment\n\nInvestment in fixed assets rose to 90 billion tenge.", "2025-02-01", "90 billion tenge", "investment"),
            ("Health\n\nThe new hospital will have 90 doctors and 300 beds.", "2025-02-01", "90 doctors", "employment"),
            // Investment from another country, and its rate, is foreign; from a budget it is not.
            ("FDI\n\nInvestment into Kazakhstan grew. Investment from China rose 1.7 times to $830 million.", "2022-09-20", "1.7 times", "fdi"),
            ("FDI\n\nInvestment into Kazakhstan grew. Investment from China rose 1.7 times to $830 million.", "2022-09-20", "$830 million", "fdi"),
            ("ПИИ\n\nИнвестиции в Казахстан выросли. Инвестиции из Китая выросли в 1,6 раза.", "2022-09-20", "1,6 раза", "fdi"),
            ("Investment\n\nInvestment into Kazakhstan grew. Investment from the budget rose 9% to $100 million.", "2022-09-20", "9%", "budget"),
            // An investor's nationality still speaks through the investment it makes; a
            // foreign share of a whole is investment's.
            ("FDI\n\nInvestment into Kazakhstan grew. Chinese companies made investments worth $500 million.", "2022-09-20", "$500 million", "fdi"),
            ("FDI\n\nInvestment into Kazakhstan grew. Investment from China accounted for 25% of the total.", "2022-09-20", "25%", "investment"),
            // Finishing a construction is no growth of construction.
            ("Стройка\n\nВ районе завершено строительство 80% объектов.", "2024-06-01", "80%", "other"),
            ("ПИИ\n\nБольше всего прямых инвестиций получила Атырауская область – $3,2 млрд.", "2024-02-01", "$3,2 млрд", "fdi"),
            ("Связь\n\nШирокополосный доступ появился ещё в 84 сёлах.", "2024-02-01", "84 сёлах", "infrastructure"),
            // A figure that only describes the one before it does not keep the cue after
            // both from it; one in a clause of its own does.
            ("Gas\n\nThis spring 9 villages of the district with 4,100 residents were connected to the gas network.", "2024-06-01", "9 villages", "infrastructure"),
            ("Газ\n\nВ этом году 6 сёл с населением около 3 тыс. человек подключены к газу.", "2024-06-01", "6 сёл", "infrastructure"),
            ("SMEs\n\nSmall firms produce 31% of the city economy. The akimat aims to raise the share to 40% by 2027, with 200,000 SMEs registered by then.", "2024-06-01", "40%", "economy"),
            // Eurobonds, their shares and yields are money borrowed, not investment.
            ("Bonds\n\nInvestors from Asia bought 30% of the eurobonds.", "2024-02-01", "30%", "other"),
            // The self-employed are people at work.
            ("Work\n\nSome 41,000 self-employed people paid the new tax.", "2024-02-01", "41,000 self-employed people", "employment"),
            ("Работа\n\nЧисло самозанятых за год выросло в 1,8 раза.", "2024-02-01", "1,8 раза", "employment"),
            // People taken on are employment.
            ("Health\n\nThe city's hospitals hired 130 nurses last year.", "2022-09-01", "130 nurses", "employment"),
            // Places and people gas reaches are the network's; gas produced is output.
            ("Gas\n\nSince March, natural gas has reached 12 villages of the district.", "2022-09-01", "12 villages", "infrastructure"),
            ("Газ\n\nВ этом году природный газ пришёл в 9 сёл района.", "2022-09-01", "9 сёл", "infrastructure"),
            ("Gas\n\nThe field produced 5 billion cubic metres of gas last year.", "2022-09-01", "5 billion cubic metres", "output"),
            ("Gas\n\nSome 37 oil and gas companies operate in the region.", "2022-09-01", "37 oil and gas companies", "companies"),
            // What auditors find is public money misspent.
            ("Audit\n\nAuditors found 3.2 billion tenge of violations in the district's road programme.", "2022-04-01", "3.2 billion tenge", "budget"),
            ("Проверка\n\nСчётный комитет выявил нарушения на 2,4 млрд тенге.", "2022-04-01", "2,4 млрд тенге", "budget"),
            // What exporters earn is trade.
            ("Exports\n\nThe district's exporters earned $40 million in 2024.", "2025-02-01", "$40 million", "trade"),
            // People carried are transport's; works carried out are not.
            ("Аэропорт\n\nПассажиропоток аэропорта за полугодие составил 1,9 млн человек.", "2024-07-10", "1,9 млн человек", "transport"),
            ("Villages\n\nRoad works have been carried out in 31 villages this year.", "2024-07-10", "31 villages", "other"),
            // Earnings are income; those who leave to earn are people, not income.
            ("Доходы\n\nСредние заработки шахтёров в прошлом году составили 9,2 млн сумов.", "2024-02-01", "9,2 млн сумов", "income"),
            ("Миграция\n\nВ этом году на заработки за рубеж уехали около 20 тыс. жителей района.", "2024-02-01", "20 тыс. жителей", "other"),
            // The noun left out after `прямые иностранные` is still investment from abroad.
            ("Инвестиции\n\nИнвестиции в регион составили 500 млрд тенге, из них прямые иностранные – 120 млрд, прочие – 380 млрд.", "2024-02-01", "120 млрд", "fdi"),
            // Revenues after the budget's money, earned by no one named, are the budget's;
            // someone's revenues are what they earn.
            ("Budget\n\nThe city budget received 90 billion tenge in taxes. For next year the council has approved revenues of 95 billion tenge.", "2024-02-01", "95 billion tenge", "budget"),
            ("Budget\n\nThe city budget received 90 billion tenge in taxes. Meanwhile the park's residents earned more: their revenues reached 40 billion tenge.", "2024-02-01", "40 billion tenge", "output"),
            ("Budget\n\nThe city budget received 90 billion tenge in taxes. The operator's revenues reached 40 billion tenge.", "2024-02-01", "40 billion tenge", "output"),
            ("Budget\n\nThe city budget received 90 billion tenge in taxes. The farms' revenues reached 40 billion tenge.", "2024-02-01", "40 billion tenge", "output"),
            ("Budget\n\nThe city budget received 90 billion tenge in taxes. The farms’ revenues reached 40 billion tenge.", "2024-02-01", "40 billion tenge", "output"),
            // The commas of a list of names do not end the clause that a cue opens.
            ("Flour\n\nExports of wheat flour to Russia, Afghanistan and China rose to 400,000 tonnes in 2023.", "2024-02-01", "400,000 tonnes", "trade"),
            ("Мука\n\nЭкспорт муки в Россию, Афганистан и Китай вырос до 400 тыс. тонн.", "2024-02-01", "400 тыс. тонн", "trade"),
            // The part of the land sown or harvested is area.
            ("Harvest\n\nFarms have threshed grain on 9.1 million hectares, or 96% of the sown area.", "2024-09-20", "96%", "area"),
            // The herd a farm is built for is its capacity.
            ("Farms\n\nThe district will open a dairy farm for 900 cows next year.", "2024-06-01", "900 cows", "capacity"),
            // Money said to come from a budget is budget money, whatever the whole.
            ("Roads\n\nThe repairs cost 52 billion tenge, of which 30 billion tenge came from the republican budget.", "2024-06-01", "30 billion tenge", "budget"),
            ("Дороги\n\nСтоимость работ – 52 млрд тенге, из них 30 млрд выделено из республиканского бюджета, 9 млрд – из областного.", "2024-06-01", "9 млрд", "budget"),
            // A trading partner's part of the turnover is trade.
            ("Trade\n\nChina remained the largest trading partner with $2.1 billion, or 28% of the turnover.", "2024-06-01", "28%", "trade"),
            // The share of people or villages a water network reaches is the network's.
            ("Water\n\nIn the district 88.5% of villages now have piped water.", "2024-06-01", "88.5%", "infrastructure"),
            ("Вода\n\nДоля сёл с централизованным водоснабжением достигла 91%.", "2024-06-01", "91%", "infrastructure"),
            // A listed measure with no cue of its own measures what the one before did.
            ("Housing\n\nMost housing was commissioned in Aktobe – 900,000 sq m, Taraz – 400,000 sq m and Turkistan – 350,000 sq m.", "2024-06-01", "400,000 sq m", "housing"),
            // The index of physical volume measures output, in current prices or not; a
            // company that will export a share of its goods speaks of trade.
            ("Industry\n\nIndustrial production reached 900 billion tenge in current prices, and the index of physical volume was 104.1%.", "2024-06-01", "104.1%", "output"),
            ("Pharma\n\nThe new plant of Dala Pharm LLP will export 30% of its products to Kyrgyzstan.", "2024-06-01", "30%", "trade"),
            // A region's own revenues are its budget's; the level of gasification, the
            // network's reach.
            ("Budget\n\nThe akimat wants the share of own revenues in the regional budget to grow from 31% to 40%.", "2024-06-01", "31%", "budget"),
            ("Gas\n\nThe level of gasification of the district rose to 72% this year.", "2024-06-01", "72%", "infrastructure"),
            ("Газ\n\nУровень газификации района вырос до 72%.", "2024-06-01", "72%", "infrastructure"),
            // Money migrants send home is income; a company's profit and dividends are neither
            // output nor investment.
            ("Migrants\n\nRemittances to the country rose to $2.1 billion.", "2024-06-01", "$2.1 billion", "income"),
            ("Results\n\nThe miner's net profit reached 12 billion tenge.", "2024-06-01", "12 billion tenge", "other"),
            ("Переводы\n\nДенежные переводы мигрантов составили $1,2 млрд за год.", "2024-06-01", "$1,2 млрд", "income"),
            // Electricity generated is output, and so is a share of total generation.
            ("Power\n\nWind farms' share in the country's total generation rose to 6.2%.", "2024-06-01", "6.2%", "output"),
            // The sector spending goes to is not what the money measures.
            ("Budget\n\nThe region's budget spending reached 400 billion tenge. Another 60 billion tenge went to housing and utilities.", "2024-06-01", "60 billion tenge", "budget"),
            ("Budget\n\nThe region approved a budget of 450 billion tenge for 2024.", "2024-02-01", "450 billion tenge", "budget"),
            // The sector investment goes to is no output.
            ("Industry\n\nInvestment in manufacturing grew 1.4 times.", "2024-06-01", "1.4 times", "investment"),
            ("Инвестиции\n\nВложения в обрабатывающую промышленность выросли в 1,4 раза.", "2024-06-01", "1,4 раза", "investment"),
            // The price of one unit is a price; a company's revenue is its output.
            ("Хлопок\n\nЗакупочная цена одной тонны хлопка составляет 5,8 млн сумов.", "2020-10-27", "5,8 млн сумов", "prices"),
            ("Фабрика\n\nПо итогам года выручка фабрики составила 4,1 млрд тенге.", "2021-02-10", "4,1 млрд тенге", "output"),
            // A lender's loan or grant is money for the project it pays for; loans to many
            // borrowers or guaranteed pay for no one project.
            ("Loan\n\nA development bank lends $25 million to rebuild the city's tram depot.", "2025-04-01", "$25 million", "project_value"),
            ("Loan\n\nThe district will widen the road with a loan of 8 billion tenge from a state bank.", "2025-04-01", "8 billion tenge", "project_value"),
            ("Grant\n\nA donor has approved a $6 million grant to repair village clinics.", "2025-04-01", "$6 million", "project_value"),
            ("Кредит\n\nБанк выдаст городу кредит в размере 20 млн долларов на покупку трамваев.", "2025-04-01", "20 млн долларов", "project_value"),
            ("Loans\n\nThe fund guaranteed loans worth 20 billion tenge.", "2025-04-01", "20 billion tenge", "other"),
            ("Loans\n\nLoans are issued at 7% per year.", "2025-04-01", "7%", "other"),
            ("Loans\n\nThe bank gave soft loans worth 15 billion tenge to farmers.", "2025-04-01", "15 billion tenge", "other"),
            ("Займ\n\nБанк предоставил городу займ в размере 5 млрд тенге на строительство моста.", "2025-04-01", "5 млрд тенге", "project_value"),
            // Tonnes a port or railway moves are traffic.
            ("Port\n\nThe river port handled 1.9 million tonnes last year.", "2025-04-01", "1.9 million tonnes", "transport"),
            ("Rail\n\nThe branch line carried 600,000 tonnes of grain in 2024.", "2025-04-01", "600,000 tonnes", "transport"),
            ("Грузы\n\nВ 2024 году по железной дороге перевезено 12 млн тонн грузов.", "2025-04-01", "12 млн тонн", "transport"),
            // How far the building of a facility has got is the facility's; a plant's is not.
            ("Clinic\n\nThe new district clinic is 45% complete.", "2025-04-01", "45%", "infrastructure"),
            ("Road\n\nConstruction of the bypass is 30 percent complete.", "2025-04-01", "30 percent", "infrastructure"),
            ("Plant\n\nThe cement plant is 50% complete.", "2025-04-01", "50%", "other"),
            ("Bridge\n\nThe new bridges over the river are 80% completed.", "2025-04-01", "80%", "infrastructure"),
            // Russian `доходы` alone are a budget's; a household's are named so; revenue from
            // a trade is what it produces.
            ("Бюджет\n\nДоходы на 2025 год предусмотрены в сумме 300 млрд тенге.", "2024-12-10", "300 млрд тенге", "budget"),
            ("Доходы\n\nДенежные доходы населения выросли на 8%.", "2024-12-10", "8%", "income"),
            ("Туризм\n\nДоходы от туризма составили 2 млрд сомов.", "2024-12-10", "2 млрд сомов", "output"),
            ("Бюджет\n\nНа ремонт дорог предусмотрено 12,4 млрд тенге.", "2024-12-10", "12,4 млрд тенге", "budget"),
            // `выпуск` is output, of a plant or a sector; power generated is output; an issue
            // of bonds is named by its bonds.
            ("Завод\n\nЗавод нарастил выпуск тракторов в 1,4 раза.", "2024-12-10", "1,4 раза", "output"),
            ("Отрасль\n\nВ 2024 году выпуск в отрасли вырос на 5,1%.", "2024-12-10", "5,1%", "output"),
            ("Энергия\n\nЗа девять месяцев выработано 2,3 млрд кВт·ч электроэнергии.", "2024-12-10", "2,3 млрд кВт·ч", "output"),
            ("Облигации\n\nКомпания завершила выпуск облигаций на 20 млрд тенге.", "2024-12-10", "20 млрд тенге", "other"),
            // Russian money whose sentence names nothing it measures goes on about the last
            // money before it: a budget's spending listed sentence after sentence.
            ("Бюджет\n\nРасходы бюджета области на 2025 год составят 640 млрд тенге. На образование направят 210 млрд тенге.", "2024-12-10", "210 млрд тенге", "budget"),
            ("Кредиты\n\nПредприниматели получили льготные кредиты на 3 млрд сомов. До конца года планируется выдать ещё 1 млрд сомов.", "2024-07-10", "1 млрд сомов", "budget"),
            // Loans in any case form; soft loans of the state's programmes and subsidies are
            // public money.
            ("Кредиты\n\nФермеры получили кредиты на 2 млрд тенге.", "2024-07-10", "2 млрд тенге", "project_value"),
            ("Кредиты\n\nВыдано льготных кредитов на 900 млн сомов.", "2024-07-10", "900 млн сомов", "budget"),
            ("Бюджет\n\nЕщё 5 млрд тенге направят на субсидирование ставок по кредитам.", "2024-07-10", "5 млрд тенге", "budget"),
            // Prices given as the cause of a figure are not what it measures.
            ("Results\n\nRevenue grew by 12% to 90 billion tenge on higher zinc prices.", "2024-08-01", "90 billion tenge", "output"),
            ("Итоги\n\nВыручка снизилась на 4% из-за падения цен на медь.", "2024-08-01", "4%", "output"),
            ("Prices\n\nFood prices rose 9.1% in July.", "2024-08-01", "9.1%", "prices"),
            // Goods measured in a clause of their own after the noun that opens the sentence,
            // with only rates between, are what that noun says.
            ("Экспорт\n\nЭкспорт муки из области, в основном в Узбекистан, составил 120 тыс. тонн.", "2024-02-10", "120 тыс. тонн", "trade"),
            ("Rail\n\nFreight traffic fell 2.1%, to 41 million tonnes.", "2024-02-10", "41 million tonnes", "transport"),
            // A part a place or mode `accounted for`, with no cue of its own, measures what
            // the larger amount of its unit before it did.
            ("Freight\n\nThe dry port handled 5.2 million tonnes of cargo in 2024.\n\nRoad hauliers accounted for 1.9 million tonnes.", "2025-02-01", "1.9 million tonnes", "transport"),
            ("Грузы\n\nЧерез станцию прошло 4,8 млн тонн грузов.\n\nНа зерно пришлось 1,1 млн тонн.", "2025-02-01", "1,1 млн тонн", "transport"),
            ("Freight\n\nThe region exported 8 million tonnes of grain in 2024. The station handled 5 million tonnes of cargo, and trucks accounted for 2 million tonnes.", "2025-02-01", "2 million tonnes", "transport"),
            // A Russian share takes the whole written right after it; goods sent abroad are
            // traded (land planted may be crops, not greening), a catch is output, tonnes a
            // railway carried are traffic.
            ("Кредиты\n\nНа торговлю пришлось 27% кредитного портфеля фонда.", "2020-07-01", "27%", "other"),
            ("Экспорт\n\nЗа рубеж отправлено 12 тыс. тонн сухофруктов.", "2020-07-01", "12 тыс. тонн", "trade"),
            ("Хлопок\n\nФермеры высадили хлопок на 60 тыс. гектаров.", "2020-07-01", "60 тыс. гектаров", "area"),
            ("Рыба\n\nОколо 60% улова дают хозяйства озера.", "2020-07-01", "60%", "output"),
            ("Дорога\n\nЗа полгода дорога перевозила в среднем 20 млн тонн в месяц.", "2020-07-01", "20 млн тонн", "transport"),
            // The parts an aside lists (`including loans`) do not say what the whole is.
            ("FDI\n\nForeign direct investment, including reinvested earnings and loans, reached $900 million.", "2017-12-12", "$900 million", "fdi"),
            ("Capital\n\nThe region's investment, including portfolio investment, reached $900 million.", "2017-12-12", "$900 million", "investment"),
            ("Housing\n\nIn 2023 the town commissioned 300,000 square metres, including private housing.", "2024-05-10", "300,000 square metres", "housing"),
            ("Жильё\n\nВ 2023 году в городе введено 300 тыс. кв. м, в том числе частного жилья.", "2024-05-10", "300 тыс. кв. м", "housing"),
            // Sales are shops' turnover, and so are goods sold; a company's sales revenue is
            // its output. An index of volume that names no sector is that of the figure
            // before it.
            ("Shops\n\nFurniture sales came to 41 billion tenge in May.", "2025-06-10", "41 billion tenge", "trade"),
            ("Shops\n\nThe town sold goods worth 90 billion tenge in May.", "2025-06-10", "90 billion tenge", "trade"),
            ("Cars\n\nSales revenue rose to 70 billion tenge.", "2025-06-10", "70 billion tenge", "output"),
            ("Shops\n\nRetail turnover reached 300 billion tenge in January-May. The physical volume index was 103.1%.", "2025-06-10", "103.1%", "trade"),
            ("Industry\n\nThe physical volume index was 103.1%.", "2025-06-10", "103.1%", "output"),
            // The share of a good a place processes is output.
            ("Хлопок\n\nВ области перерабатывается 64% собранного волокна.", "2025-06-10", "64%", "output"),
            // Floor area in a document that counted housing in square metres is housing.
            ("Housing\n\nThe region commissioned 800,000 sq m of housing.\n\nThe city accounted for 500,000 sq m.", "2024-08-01", "500,000 sq m", "housing"),
            ("Жильё\n\nВ области введено 600 тыс. кв. м жилья. В районе сдано 90 тыс. кв. м.", "2024-08-01", "90 тыс. кв. м", "housing"),
            ("Land\n\nThe farm leased 300,000 sq m of land.", "2024-08-01", "300,000 sq m", "area"),
            // Income per head is a household's.
            ("Цели\n\nДоход на душу населения к 2030 году вырастет до $5 тыс.", "2024-08-01", "$5 тыс", "income"),
            // A figure after a colon is said of the label before it.
            ("Labour\n\nUnemployed on the register at the end of May: 2,310 people.", "2021-07-01", "2,310 people", "unemployment"),
            // Goods sent abroad and who buys them are trade; people working abroad are not.
            ("Cannery\n\nThe cannery sent 4,200 tonnes of tomato paste abroad in 2020.", "2021-02-01", "4,200 tonnes", "trade"),
            // The state a figure is set against measures what the last figure of its unit
            // does, past a count between them.
            ("Sales abroad\n\nThe province exported goods worth $80 million to its three neighbours, up from $61 million a year before.", "2023-08-01", "$61 million", "trade"),
            ("Cotton\n\nTurkey was again the main buyer, with 38% of the fibre.", "2021-02-01", "38%", "trade"),
            ("Migrants\n\nSome 50,000 residents of the district work abroad.", "2021-02-01", "50,000 residents", "other"),
            // A part listed after `including` measures what its whole did, whatever its own
            // words call it.
            ("Investment\n\nInvestment in the region reached 52 billion tenge, including bank loans of 20 billion.", "2024-08-01", "20 billion", "investment"),
            // A signature bonus is paid to the state.
            ("Auction\n\nThe auction brought 2.1 billion tenge in signature bonuses.", "2021-12-01", "2.1 billion tenge", "budget"),
            // Russian deliveries and buyers are trade; the volume of construction work is output.
            ("Экспорт\n\nЗа год поставки мяса за рубеж выросли на 8%.", "2023-02-01", "8%", "trade"),
            ("Экспорт\n\nГлавным покупателем хлопка стал Китай – 15 тыс. тонн.", "2023-02-01", "15 тыс. тонн", "trade"),
            ("Итоги\n\nОбъём строительных работ составил 17 млрд тенге.", "2023-02-01", "17 млрд тенге", "output"),
            // Villages reached by a utility network are its reach; markets and stores are
            // facilities.
            ("Gas\n\nThis year gas pipelines were laid to 7 villages of the district.", "2023-10-01", "7 villages", "infrastructure"),
            ("Internet\n\nBroadband now reaches 310 settlements of the region.", "2023-10-01", "310 settlements", "infrastructure"),
            ("Газ\n\nВ этом году газоснабжение получили 11 сёл района.", "2023-10-01", "11 сёл", "infrastructure"),
            ("Trade\n\nThe city will open 4 new markets next year.", "2023-10-01", "4 new markets", "infrastructure"),
            // Goods sent `на экспорт` are trade, whatever noun names them.
            ("Цех\n\nОколо 40% продукции цеха уходит на экспорт.", "2023-10-01", "40%", "trade"),
            // The money of agreements signed is the worth of the projects they cover.
            ("Forum\n\nInvestors signed 12 agreements worth $300 million at the forum.", "2023-10-01", "$300 million", "project_value"),
            ("Форум\n\nНа форуме подписано 9 соглашений на 80 млрд тенге.", "2023-10-01", "80 млрд тенге", "project_value"),
            // A second predicate after `and` is a verb of its own.
            ("Zone\n\nThe zone produced goods worth $140 million and exported products worth $90 million.", "2018-03-01", "$90 million", "trade"),
            ("Zone\n\nThe zone produced goods worth $140 million and exported products worth $90 million.", "2018-03-01", "$140 million", "output"),
            // Investment into an economy, and a comparison of it after its noun.
            ("Инвестиции\n\nВ экономику области освоено 2,1 трлн сумов инвестиций, что на 12% больше, чем годом ранее.", "2024-04-10", "2,1 трлн сумов", "investment"),
            ("Инвестиции\n\nВ экономику области освоено 2,1 трлн сумов инвестиций, что на 12% больше, чем годом ранее.", "2024-04-10", "12%", "investment"),
            ("Грузы\n\nПо железной дороге перевезено 40 млн тонн грузов, что на 3% больше, чем годом ранее.", "2024-04-10", "3%", "transport"),
            ("Investment\n\nThe capital received 52% of the inflows.", "2017-09-01", "52%", "fdi"),
            // People waiting for housing are no housing; families given homes are.
            ("Housing\n\nThe waiting list for social housing counts 12,000 people.", "2024-04-10", "12,000 people", "other"),
            ("Жилье\n\nВ очереди на получение жилья состоят 8 тыс. человек.", "2024-04-10", "8 тыс. человек", "other"),
            ("Housing\n\nThis year 1,500 families received new apartments.", "2024-04-10", "1,500 families", "housing"),
            ("Tourism\n\nThe city has 90 hotels and guest houses with 3,100 beds.", "2024-04-10", "3,100 beds", "infrastructure"),
            // Money a company borrows on a market with bonds is no investment.
            ("Bonds\n\nThe utility placed bonds worth 40 billion tenge.", "2025-04-01", "40 billion tenge", "other"),
            ("Облигации\n\nКомпания разместила облигации на 30 млрд тенге.", "2025-04-01", "30 млрд тенге", "other"),
            // Floor area in a sentence on housing is housing, whichever clause names it.
            ("Жилье\n\nВ строительстве жилья план перевыполнен: введено 250 тыс. кв. м.", "2025-04-01", "250 тыс. кв. м", "housing"),
            ("Housing\n\nHousing construction beat its plan: 300,000 square meters were commissioned.", "2025-04-01", "300,000 square meters", "housing"),
            ("Land\n\nThe farm leased 300,000 square meters of land.", "2025-04-01", "300,000 square meters", "area"),
            // Counts of warehouses, elevators and cameras are infrastructure.
            ("Grain\n\nThe district built two warehouses and three grain elevators.", "2025-04-01", "three grain elevators", "infrastructure"),
            ("Safe city\n\nThe city connected 400 video cameras to its monitoring centre.", "2025-04-01", "400 video cameras", "infrastructure"),
            ("Зерно\n\nВ районе построены 5 зерносушильных комплексов.", "2025-04-01", "5 зерносушильных комплексов", "infrastructure"),
            // People who found work are employed, people out of work unemployed; a share
            // below the subsistence minimum is income; money of foreign investment is FDI
            // but its share of all investment is investment; what a facility can do is its
            // capacity.
            ("Jobs\n\nUnder the programme, 3,100 people found work in the district.", "2023-10-12", "3,100 people", "employment"),
            ("Labour\n\nThe rate fell to 4.5%, with 12.3 thousand people out of work.", "2023-10-12", "12.3 thousand people", "unemployment"),
            ("Incomes\n\nThe share of residents with incomes below the subsistence minimum fell to 3.4%.", "2023-10-12", "3.4%", "income"),
            ("Investors\n\nThe district drew $45 million of foreign investment in the first half.", "2023-10-12", "$45 million", "fdi"),
            ("Investors\n\nThe share of foreign investments rose to 22 percent.", "2023-10-12", "22 percent", "investment"),
            ("Investors\n\nThe volume of domestic and foreign investment reached 8 billion soms.", "2023-10-12", "8 billion soms", "investment"),
            ("Grain\n\nThe new terminal can store 120 thousand tonnes of grain.", "2023-10-12", "120 thousand tonnes", "capacity"),
            // Spending and deficits are the budget's; money put into an economy is invested
            // (the verb says more than the sector); a profit is no output; passenger traffic
            // is transport; the price of one square metre is a price; what a store holds is
            // its capacity.
            ("Бюджет\n\nРасходы города запланированы в объёме 900 млрд тенге.", "2024-03-01", "900 млрд тенге", "budget"),
            ("Инвестиции\n\nЗа полугодие в экономику района вложено 40 млрд тенге.", "2024-08-01", "40 млрд тенге", "investment"),
            ("Итоги\n\nВыручка выросла, чистая прибыль составила 2,1 млрд тенге.", "2024-03-01", "2,1 млрд тенге", "other"),
            ("Автобусы\n\nПассажиропоток вырос на 12%.", "2024-03-01", "12%", "transport"),
            ("Жилье\n\nСтоимость квадратного метра арендного жилья составляет 210 тыс. тенге.", "2024-03-01", "210 тыс. тенге", "prices"),
            ("Housing\n\nThe price of one square meter of new housing rose to 450,000 tenge.", "2024-03-01", "450,000 tenge", "prices"),
            ("Склад\n\nПостроен склад вместимостью 3 тыс. тонн.", "2024-03-01", "3 тыс. тонн", "capacity"),
            // A part of the amount before measures what it did, wherever it went.
            ("Investors\n\nThe region drew $900 million of foreign direct investment in 2023.\n\nOf this amount, $500 million went to industry.", "2024-02-01", "$500 million", "fdi"),
            ("Инвестиции\n\nПривлечено 200 млрд тенге инвестиций, из них 40 млрд тенге пришлось на сельское хозяйство.", "2024-02-01", "40 млрд тенге", "investment"),
            // The state subsidising a cost, or lending on concessional terms, spends budget.
            ("Farms\n\nFarmers bought 900 tractors, with the state subsidising 25% of their cost.", "2024-02-01", "25%", "budget"),
            ("Plan\n\nThe state will allocate 500 billion tenge in concessional loans to manufacturers.", "2024-02-01", "500 billion tenge", "budget"),
            // The price of a square metre moves as a price; a plant that will give work to
            // people employs them.
            ("Жилье\n\nСредняя стоимость квадратного метра жилья выросла на 12%.", "2024-02-01", "12%", "prices"),
            ("Теплицы\n\nКомплекс обеспечит работой 250 человек.", "2024-02-01", "250 человек", "employment"),
            // A part of the figure before is measured as it, unless a verb right before it
            // says what it does.
            ("Fertiliser\n\nThe plant produced 2 million tonnes of fertiliser last year and exported 60% of them.", "2024-02-01", "60%", "trade"),
            // A yield in centners is what the land produced.
            ("Harvest\n\nFarms threshed 15.2 centners per hectare.", "2023-10-12", "15.2 centners", "output"),
            // Money per unit of a good or service is its price; a wage or a subsidy stays one.
            ("Tariffs\n\nFrom May, heat will cost 310 tenge per square metre.", "2024-04-01", "310 tenge", "prices"),
            ("Resorts\n\nA room on the lake cost 2,400 soms a night in August.", "2024-09-01", "2,400 soms", "prices"),
            ("Grain\n\nMills pay 88 thousand tenge for a tonne of wheat.", "2024-09-01", "88 thousand tenge", "prices"),
            // What a crossing can take is its capacity.
            ("Границы\n\nПосле реконструкции пропускная способность пункта вырастет до 900 грузовиков в сутки.", "2024-04-01", "900 грузовиков", "capacity"),
            // The works that serve villages count as infrastructure.
            ("Water\n\nContractors built 14 reservoirs and replaced 6 boilers in the district.", "2024-04-01", "14 reservoirs", "infrastructure"),
            ("Wind\n\nThe park has 30 turbines.", "2024-04-01", "30 turbines", "infrastructure"),
            // A clause that speaks of exports measures trade, though a noun of output is nearer;
            // what was made before the export was told stays output, and a sector named after a
            // figure is the next one's. An office's name or a cause is no export figure.
            ("Farms\n\nThe mill expects to export a third of its output to Afghanistan.", "2024-04-01", "a third", "trade"),
            ("Farms\n\nThe dairy made goods worth 9 billion tenge, about 20% of it for export.", "2024-04-01", "20%", "trade"),
            ("Farms\n\nThe plant produced 80,000 tonnes of flour and exported 60% of it.", "2024-04-01", "80,000 tonnes", "output"),
            ("Farms\n\nThe plant produced 80,000 tonnes of flour and exported 60% of it.", "2024-04-01", "60%", "trade"),
            ("Industry\n\nThe Ministry of Trade and Integration reported that light industry output grew 12%.", "2024-04-01", "12%", "output"),
            ("Industry\n\nIndustrial output grew 4.6% thanks to strong exports.", "2024-04-01", "4.6%", "output"),
            // `за` is a threshold without a verb of building; a national bank only reports; a
            // unit a capacity counts is no unit a price is given for.
            ("Investment\n\nОбъём инвестиций в основной капитал перевалил за 1 трлн тенге.", "2024-04-01", "1 трлн тенге", "investment"),
            ("Investment\n\nThe National Bank reported that fixed capital investment reached 18 trillion tenge.", "2024-04-01", "18 trillion tenge", "investment"),
            ("Dairy\n\nВ Таразе построят молочный завод мощностью 30 тыс. литров в сутки стоимостью 4 млрд тенге.", "2024-04-01", "4 млрд тенге", "project_value"),
            ("Growth\n\nFarming grew 3.1 percent, construction 9.4 percent and trade 5.2 percent.", "2024-04-01", "9.4 percent", "output"),
            // What a bank puts up pays for the project it lends to.
            ("Loans\n\nThe Asian Development Bank will allocate $80 million to rebuild the road.", "2024-04-01", "$80 million", "project_value"),
            ("Кредиты\n\nЕБРР выделит Таразу $20 млн на новые автобусы.", "2024-04-01", "$20 млн", "project_value"),
            // What a thing was built or bought for is its worth.
            ("Plants\n\nВ Таразе построили спорткомплекс за 7 млрд тенге.", "2024-04-01", "7 млрд тенге", "project_value"),
            ("Parks\n\nThe solar park, built by a local firm for 12 billion tenge, opened in May.", "2024-06-01", "12 billion tenge", "project_value"),
            // A price list whose verb is left out after its first rate and that rate's span.
            ("Prices\n\nFood prices climbed 9.2% over the year, services 4.1% and fuel 6.3%.", "2024-04-01", "4.1%", "prices"),
            // A lender's book of many loans pays for no one project; a credit line lends on.
            ("Banks\n\nLocal banks issued 3,100 loans worth 52 billion tenge to farmers.", "2024-04-01", "52 billion tenge", "other"),
            ("Banks\n\nThe bank opened a $50 million credit line for the new plant.", "2024-04-01", "$50 million", "project_value"),
            // What a unit of goods costs is its price, though `cost` names a project's value.
            ("Markets\n\nIn the capital a kilogram of beef cost 4,100 tenge in March.", "2024-04-01", "4,100 tenge", "prices"),
            ("Fuel\n\nA litre of diesel now costs 310 tenge at the pump.", "2024-04-01", "310 tenge", "prices"),
            ("Рынки\n\nКилограмм баранины на рынках Шымкента стоит 3 900 тенге.", "2024-04-01", "3 900 тенге", "prices"),
            ("Cotton\n\nThe state subsidy is 6 million soums per hectare.", "2024-09-01", "6 million soums", "budget"),
            // How much of a plan was met measures what the figure before did.
            ("Budget\n\nTax revenues of the city budget reached 12 billion soms. The plan was fulfilled by 103.5 percent.", "2024-06-01", "103.5 percent", "budget"),
            // A rate of `the number of` a counted thing measures what the thing would.
            ("Hotels\n\nThe number of hotels in the city grew by 12% this year.", "2024-06-01", "12%", "infrastructure"),
            // A part that names the narrower kind it is keeps it.
            ("Zone\n\nThe zone has attracted $300 million of investment, including $120 million of foreign direct investment.", "2024-06-01", "$120 million", "fdi"),
            // Investment into the economy is investment.
            ("Инвестиции\n\nС начала года в экономику города привлечено 50 млрд тенге инвестиций.", "2024-06-01", "50 млрд тенге", "investment"),
            // Goods that a verb of trade takes as its object are traded.
            ("Exports\n\nFarms of the district exported goods worth $40 million last year.", "2024-03-01", "$40 million", "trade"),
            ("Output\n\nFarms of the district produced goods worth $40 million last year.", "2024-03-01", "$40 million", "output"),
            // Revenue gives way to the budget it is of; what is sold, shipped or delivered
            // abroad; what a thing is built for.
            (
                "Revenues of the Taraz city budget came to 9.4 billion tenge.",
                "2024-03-01",
                "9.4 billion tenge",
                "budget",
            ),
            (
                "The company's revenue rose to 12 billion tenge.",
                "2024-03-01",
                "12 billion tenge",
                "output",
            ),
            (
                "A tractor of the new model sells for 41 million tenge.",
                "2024-03-01",
                "41 million tenge",
                "prices",
            ),
            (
                "The works hopes that foreign deliveries will reach $12 million.",
                "2024-03-01",
                "$12 million",
                "trade",
            ),
            (
                "The bridge is being built for 30 billion tenge.",
                "2024-03-01",
                "30 billion tenge",
                "project_value",
            ),
            (
                "Last year the works shipped 640 trailers.",
                "2024-03-01",
                "640 trailers",
                "output",
            ),
            (
                "Some 900 entrepreneurs received grants.",
                "2024-03-01",
                "900 entrepreneurs",
                "companies",
            ),
            // A part measures what its whole did; `this share` names a rate, not a count.
            (
                "This year 90 thousand square meters of housing were commissioned, of them 40 thousand square meters in Taraz.",
                "2024-03-01",
                "40 thousand square meters",
                "housing",
            ),
            (
                "The ministry will raise this share to 30% and support 500 projects a year.",
                "2024-03-01",
                "500 projects",
                "projects",
            ),
            // Tonnes exported are trade; people who work or will get work are employment.
            (
                "Last year the region exported 2.4 million tonnes of wheat.",
                "2024-03-01",
                "2.4 million tonnes",
                "trade",
            ),
            (
                "Экспорт муки из области за январь–май составил 150 тыс. тонн. На новом заводе уже работают 85 человек.",
                "2024-06-10",
                "150 тыс. тонн",
                "trade",
            ),
            (
                "Экспорт муки из области за январь–май составил 150 тыс. тонн. На новом заводе уже работают 85 человек.",
                "2024-06-10",
                "85 человек",
                "employment",
            ),
            // Money or a rate whose sentence names nothing it measures goes on about the last
            // figure of its kind; a share of a whole of its own does not.
            (
                "Tax revenue of the district budget reached 4 billion tenge.\n\nCompared with last year, it grew by 0.6 billion tenge.",
                "2024-03-01",
                "0.6 billion tenge",
                "budget",
            ),
            (
                "Exports of the region rose 12% in 2023.\n\nThe district of Zhanaarka showed the best index, 131%.",
                "2024-03-01",
                "131%",
                "trade",
            ),
            (
                "Exports of the region rose 12% in 2023.\n\nThe old canal loses 30% of the water it carries.",
                "2024-03-01",
                "30%",
                "other",
            ),
            // Money: the projects' worth, investment attracted, and the specific cues.
            (
                "The akimat presented nine projects worth 40 billion tenge.",
                "2024-03-01",
                "40 billion tenge",
                "project_value",
            ),
            (
                "Twelve investment projects with a total investment of $300 million were launched.",
                "2024-03-01",
                "$300 million",
                "project_value",
            ),
            (
                "Investments in the project amount to 8 billion tenge.",
                "2024-03-01",
                "8 billion tenge",
                "project_value",
            ),
            // Revenues of a budget are public money; the rates of a price list that leave
            // out the verb are prices though they name goods.
            ("Astana budget\n\nThe revenues of the local budget reached 300 billion tenge.", "2024-03-01", "300 billion tenge", "budget"),
            ("Consumer prices\n\nPrices for bread rose by 4.1 percent, dairy products by 2.7 percent, and fuel by 9 percent.", "2024-03-01", "2.7 percent", "prices"),
            // Money foreign investors put in is foreign direct investment; domestic
            // investors' money is not, and an agreement signed is the worth of its projects.
            (
                "Kazakhstan results\n\nCompanies from South Korea invested $800 million last year.",
                "2024-03-01",
                "$800 million",
                "fdi",
            ),
            (
                "Kazakhstan results\n\nTurkish investors brought in $300 million, and Kazakh firms 90 billion tenge.",
                "2024-03-01",
                "$300 million",
                "fdi",
            ),
            (
                "Kazakhstan results\n\nTurkish investors brought in $300 million, and Kazakh firms 90 billion tenge.",
                "2024-03-01",
                "90 billion tenge",
                "investment",
            ),
            (
                "Kazakhstan results\n\nForeign investors signed agreements worth $2 billion.",
                "2024-03-01",
                "$2 billion",
                "project_value",
            ),
            (
                "The region attracted 95 billion tenge of investment in 2023.",
                "2024-03-01",
                "95 billion tenge",
                "investment",
            ),
            (
                "Investment in fixed capital reached 1.2 trillion tenge.",
                "2024-03-01",
                "1.2 trillion tenge",
                "investment",
            ),
            (
                "Foreign direct investment into the country rose to $4 billion.",
                "2024-03-01",
                "$4 billion",
                "fdi",
            ),
            (
                "Exports of grain brought in $900 million.",
                "2024-03-01",
                "$900 million",
                "trade",
            ),
            (
                "Tax revenues of the city budget amounted to 310 billion tenge.",
                "2024-03-01",
                "310 billion tenge",
                "budget",
            ),
            (
                "Farmers received 12 billion tenge of state support.",
                "2024-03-01",
                "12 billion tenge",
                "budget",
            ),
            (
                "The plant produced goods worth 7 billion tenge.",
                "2024-03-01",
                "7 billion tenge",
                "output",
            ),
            (
                "The gross regional product grew to 4 trillion tenge.",
                "2024-03-01",
                "4 trillion tenge",
                "economy",
            ),
            (
                "The average monthly wage reached 380,000 tenge.",
                "2024-03-01",
                "380,000 tenge",
                "income",
            ),
            // A cue right before another figure is that figure's.
            (
                "The city will build a depot worth 9 billion tenge with a capacity of 300 buses.",
                "2024-03-01",
                "9 billion tenge",
                "project_value",
            ),
            // Percentages: the first cue of the clause names what moved.
            (
                "Prices for imported vegetables and dairy products rose by 6.1 percent.",
                "2024-03-01",
                "6.1 percent",
                "prices",
            ),
            (
                "Retail trade grew by 4 percent.",
                "2024-03-01",
                "4 percent",
                "trade",
            ),
            (
                "Housing commissioning increased by 9 percent.",
                "2024-03-01",
                "9 percent",
                "housing",
            ),
            (
                "The poverty rate fell to 5.2 percent.",
                "2024-03-01",
                "5.2 percent",
                "income",
            ),
            // Counts: the unit, refined by words of the clause.
            (
                "The region will build 3 small hydroelectric power plants.",
                "2024-03-01",
                "3 small hydroelectric power plants",
                "infrastructure",
            ),
            (
                "Two brick plants were opened in the district.",
                "2024-03-01",
                "Two brick plants",
                "companies",
            ),
            (
                "Builders commissioned 41 apartment buildings.",
                "2024-03-01",
                "41 apartment buildings",
                "housing",
            ),
            (
                "Builders commissioned 210,000 square meters of housing.",
                "2024-03-01",
                "210,000 square meters",
                "housing",
            ),
            (
                "The factory employs 900 people.",
                "2024-03-01",
                "900 people",
                "employment",
            ),
            (
                "The town has a population of 56,000 people.",
                "2024-03-01",
                "56,000 people",
                "other",
            ),
            (
                "The line will make 400 units a year.",
                "2024-03-01",
                "400 units",
                "capacity",
            ),
            (
                "The new bridge can carry 5,000 cars an hour.",
                "2024-03-01",
                "5,000 cars",
                "capacity",
            ),
            // Anything an hour is what a facility can take; people a year are a flow.
            ("Airport news\n\nThe new terminal will handle 2,500 passengers an hour.", "2024-03-01", "2,500 passengers", "capacity"),
            ("Tourism news\n\nThe city expects 900,000 tourists a year by 2028.", "2024-03-01", "900,000 tourists", "other"),
            // Area a year is a capacity where the clause produces it.
            ("Textile news\n\nThe mill can produce up to 40 million square meters of cloth per year.", "2024-03-01", "40 million square meters", "capacity"),
            ("Production news\n\nThe region will organise production capacities for $90 million.", "2024-03-01", "$90 million", "capacity"),
            // Facilities people use are infrastructure; production facilities are companies.
            ("District news\n\nThe district built 7 football fields and 4 health centers.", "2024-03-01", "4 health centers", "infrastructure"),
            ("District news\n\nThe akim promised to build three interchanges by 2026.", "2024-03-01", "three interchanges", "infrastructure"),
            ("District news\n\nThe district commissioned 90,000 square meters of housing and 12 new production facilities were opened.", "2024-03-01", "12 new production facilities", "companies"),
            // A cue after another figure is that figure's.
            ("City news\n\nAbout 80 km of streets were paved and 9,000 trees were planted.", "2024-03-01", "80 km", "infrastructure"),
            // The noun that is worth the money, and what the money is in.
            ("Zone news\n\nThe zone's projects will make products worth 3 billion tenge.", "2024-03-01", "3 billion tenge", "output"),
            ("Zone news\n\nThe 9 new projects will create 800 jobs and bring $40 million in export revenue.", "2024-03-01", "$40 million", "trade"),
            // Money for a named facility is its value, not investment into a place.
            ("Mining news\n\nA gold mine in the district, financed with $150 million, will open in 2026.", "2024-03-01", "$150 million", "project_value"),
            ("Port news\n\nA shipping firm will put 200 million yuan into a grain terminal.", "2024-03-01", "200 million yuan", "project_value"),
            ("Energy news\n\nA Spanish firm will invest €80 million in a 50 MW wind park in the steppe.", "2024-03-01", "€80 million", "project_value"),
            // Investment into an economy is investment, not the economy's size.
            ("Astana news\n\nSince January, 400 billion tenge has been attracted to the economy of Astana.", "2024-03-01", "400 billion tenge", "investment"),
            // A cue in an office's name or an official's title names who speaks.
            ("Trade news\n\nThe Minister of Trade and Integration said that 60 billion tenge was allocated for the roads.", "2024-03-01", "60 billion tenge", "investment"),
            ("City news\n\nThe head of the city's investment department said the new hospital will cost 20 billion tenge.", "2024-03-01", "20 billion tenge", "project_value"),
            ("Zones report\n\nMinister of Industry and Infrastructure Development Ivan Petrov said the budget spent 90 billion tenge on the zones.", "2024-03-01", "90 billion tenge", "budget"),
            // What is done to a named facility for money is its cost; goods exported to
            // countries are trade; vehicles assembled are output.
            ("Copper news\n\nIn Balkhash, the smelter has been modernised for 40 billion tenge, and its capacity rose to 90,000 tons a year.", "2024-03-01", "40 billion tenge", "project_value"),
            ("Dairy news\n\nIts cheese is exported to 9 countries.", "2024-03-01", "9 countries", "trade"),
            ("Bus news\n\nThe line in Saran has assembled 210 buses since it opened.", "2024-03-01", "210 buses", "output"),
            // A bare number borrows what it measures from the count it leaves the noun of.
            ("Housing news\n\nSix residential buildings have been commissioned, and another 14 will be completed by December.", "2024-03-01", "14", "housing"),
            // `this figure` is a new value of the figure before; a sector that moves is
            // measured in money too.
            ("Regional economy\n\nThe region's GRP grew by 4.1% in the first half. By December, this figure is expected to reach 5%.", "2024-08-01", "5%", "economy"),
            ("Industry news\n\nManufacturing grew to 900 billion tenge in the region.", "2024-03-01", "900 billion tenge", "output"),
            // A share or a change whose clause names nothing says of the figure before it.
            ("Metals news\n\nSince January, the plants smelted and produced 300 thousand tons of steel, 7.5% more than a year ago.", "2024-03-01", "7.5%", "output"),
            ("Venture news\n\nFunds invested $20 million in local startups, half of it in agriculture.", "2024-03-01", "half", "investment"),
            ("Tourism news\n\nThe region's museums served 90,000 visitors, around 12 percent more than last year.", "2024-03-01", "12 percent", "other"),
            // What goods made or traded are worth measures what the goods do; what a part
            // after `including` is worth measures what its whole does; not the worth of a
            // thing named between.
            ("Steel\n\nThe mill shipped 2.8 million tonnes of flat steel worth 540 billion tenge.", "2024-03-01", "540 billion tenge", "output"),
            ("Melons\n\nFarmers exported 96,000 tonnes of melons in 2023, worth $41 million.", "2024-03-01", "$41 million", "trade"),
            ("Fruit\n\nFruit exports reached $210 million, including apricots worth $64 million and grapes worth $38 million.", "2024-03-01", "$38 million", "trade"),
            ("Coal\n\nThe mine added 3.4 million tonnes after a new dragline worth 11 billion tenge went into service.", "2024-03-01", "11 billion tenge", "project_value"),
            ("Ore\n\nThe pit mined 5 million tonnes of ore in 2023 and a new mill costing 70 billion tenge opened.", "2024-03-01", "70 billion tenge", "project_value"),
            // Money an item of a list of projects names with no word of its own is what the
            // project costs.
            ("Roads\n\nThe state budget paid 1.1 billion somoni for repairs. Two projects are planned for 2025-2027:\n- a ring road: 22 km, 510 million somoni, ready in 2025;\n- a tunnel: 2 km, $60 million, ready in 2027.", "2025-03-04", "510 million somoni", "project_value"),
            // A medical post is a health facility.
            ("Villages\n\nThe district opened 14 medical posts this year.", "2024-10-01", "14 medical posts", "infrastructure"),
        ],
        |f| or_dash(f.metric.map(|m| m.as_str())),
    );
}

#[test]
fn measure_of() {
    check(
        &[
            // A rate set against a growth is the growth of then; against a level, a level.
            ("GDP\n\nGDP grew by 5.6% in January-March against 3.8% a year earlier.", "2025-04-20", "3.8%", "change"),
            ("ВВП\n\nВВП вырос на 5,6% против 3,8% годом ранее.", "2025-04-20", "3,8%", "change"),
            ("Jobs\n\nUnemployment stood at 4.6% against 4.9% a year earlier.", "2025-04-20", "4.9%", "level"),
            // All of something is a share, not an index of 100.
            ("Water\n\nBy 2027 the region aims for 100% access to piped water.", "2025-02-01", "100%", "share"),
            ("Хлопок\n\nСегодня в области перерабатывается 100% хлопка.", "2025-02-01", "100%", "share"),
            ("Output\n\nIndustrial output in January-April was 100.0% compared to the same months of 2024.", "2025-05-10", "100.0%", "index"),
            ("Промышленность\n\nПроизводство в январе-апреле составило 100% к уровню прошлого года.", "2025-05-10", "100%", "index"),
            // A noun of change a few words before the figure, in its clause, makes it a
            // change; `to rise` is a verb, said here of a share.
            ("ВВП\n\nПо уточнённым данным, реальный рост валового регионального продукта составил 5,4%.", "2024-03-01", "5,4%", "change"),
            ("Industry\n\nIndustrial output growth for the year 2022 was put at 6.2%.", "2023-03-01", "6.2%", "change"),
            ("Plan\n\nThe share of services in the economy was to rise from 41% in 2020 to 45%.", "2023-03-01", "45%", "share"),
            // A rate written with its plus is a change.
            ("Итоги\n\nДобыча руды: 14,6 млн тонн (+7,4%)", "2024-03-01", "7,4%", "change"),
            // A Russian noun of change opening its sentence is still one.
            ("Выпуск\n\nРост выпуска в области составил 12,5%.", "2024-03-01", "12,5%", "change"),
            // A poverty rate is a level; a percentage of income with its whole after it, a share.
            ("Migrants\n\nRemittances to the country rose to $2.1 billion, or 18% of GDP.", "2024-06-01", "18%", "share"),
            ("Poverty\n\nThe poverty rate fell to 9.5%.", "2024-06-01", "9.5%", "level"),
            // A rate named after the figure, and a percentage paid by the year, are levels.
            ("Loans\n\nThe state covers 8 points of the 19.5% rate, so a farmer pays 11.5% a year.", "2024-06-01", "19.5%", "level"),
            ("Loans\n\nThe state covers 8 points of the 19.5% rate, so a farmer pays 11.5% a year.", "2024-06-01", "11.5%", "level"),
            // A change by a share in words is a fact, and a change.
            ("Revenue\n\nThe company's revenue rose by a quarter to 40 billion tenge.", "2024-06-01", "a quarter", "change"),
            // A rate of inflation is a change of prices, whatever verb brings it.
            ("Prices\n\nAnnual inflation eased to 7.2% in May.", "2024-06-01", "7.2%", "change"),
            ("Цены\n\nГодовая инфляция в мае замедлилась до 7,2%.", "2024-06-01", "7,2%", "change"),
            ("Цены\n\nГодовая инфляция в Туркестанской области в сентябре 2023 года составила 11,4%.", "2023-10-09", "11,4%", "change"),
            ("Prices\n\nAnnual inflation in the whole of Kostanay region in the month of May reached 9.1%.", "2024-06-01", "9.1%", "change"),
            // A tariff raised or cut by a rate, told in the passive, moved by it.
            ("Тарифы\n\nС 1 августа тариф на воду для населения повышен на 9,5%.", "2024-08-02", "9,5%", "change"),
            ("Тарифы\n\nТариф на газ для предприятий снижен на 4%.", "2024-08-02", "4%", "change"),
            // The rate a place holds its rank with measures as the first place's did.
            ("Growth\n\nIn 2023 Osh region came first with output up 21.3%, followed by Chui region, second with 18.7%.", "2024-06-01", "18.7%", "change"),
            // Money raised is money got, not a rise; tariffs raised by an amount rose.
            ("Bonds\n\nIn 2024 the company raised 25 billion tenge with green bonds.", "2025-04-01", "25 billion tenge", "level"),
            ("Tariffs\n\nThe city raised heat tariffs by 40 tenge.", "2025-04-01", "40 tenge", "change"),
            // Rates in brackets after the items of a list share the change of the first.
            ("Industry\n\nGrowth was seen in mining (4.1%), food processing (2.7%) and chemicals (9.3%).", "2025-04-01", "2.7%", "change"),
            ("Industry\n\nGrowth was seen in mining (4.1%), food processing (2.7%) and chemicals (9.3%).", "2025-04-01", "9.3%", "change"),
            // A rate paid or charged is a level, not a part of a whole.
            ("Bonds\n\nThe notes carry a coupon of 13.5% a year.", "2025-04-01", "13.5%", "level"),
            ("Кредиты\n\nКредиты выдаются под 6% годовых.", "2025-04-01", "6%", "level"),
            ("Займы\n\nСтавка по займам составляет 7%.", "2025-04-01", "7%", "level"),
            // A rate written with its sign is a change; a line of a table is a sentence.
            (
                "Grain by district (thousand tonnes; change on 2022):\nAksu – 120.5 (-3.2%)\nBurabay – 98.0 (+4.4%)",
                "2023-11-01",
                "-3.2%",
                "change",
            ),
            (
                "Output grew by 3 percent, construction by 7.5 percent.",
                "2024-03-01",
                "7.5 percent",
                "change",
            ),
            (
                "The akimat plans to expand irrigated land by 12 thousand hectares.",
                "2024-03-01",
                "12 thousand hectares",
                "change",
            ),
            // How much of a plan was met is a share of it, over 100 or not.
            (
                "The district's revenue plan was fulfilled by 107.5 percent.",
                "2024-03-01",
                "107.5 percent",
                "share",
            ),
            (
                "План по доходам бюджета района исполнен на 98,4%.",
                "2024-03-01",
                "98,4%",
                "share",
            ),
            // The verb of a change left out before the next rates of a list.
            (
                "Mining rose 4.2 percent, retail 9 percent and transport 6.1 percent.",
                "2024-03-01",
                "9 percent",
                "change",
            ),
            (
                "Mining rose 4.2 percent, retail 9 percent and transport 6.1 percent.",
                "2024-03-01",
                "6.1 percent",
                "change",
            ),
            (
                "Mining rose 4.2 percent, accounting for 31 percent of output.",
                "2024-03-01",
                "31 percent",
                "share",
            ),
            (
                "The industry growth amounted to 2.9 percent.",
                "2024-03-01",
                "2.9 percent",
                "change",
            ),
            (
                "Agriculture saw a growth of 1.8 percent.",
                "2024-03-01",
                "1.8 percent",
                "change",
            ),
            // A rate of inflation is itself a change of prices (examples/CHANGES-v2.md).
            (
                "Inflation is projected to rise to 8.5 percent.",
                "2024-03-01",
                "8.5 percent",
                "change",
            ),
            (
                "Manufacturing makes up 61 percent of industrial output.",
                "2024-03-01",
                "61 percent",
                "share",
            ),
            (
                "The physical volume index of output was 104.2 percent.",
                "2024-03-01",
                "104.2 percent",
                "index",
            ),
            (
                "The unemployment rate stood at 4.8 percent.",
                "2024-03-01",
                "4.8 percent",
                "level",
            ),
            (
                "The projects will raise water supply by 20 thousand cubic meters.",
                "2024-03-01",
                "20 thousand cubic meters",
                "change",
            ),
        ],
        |f| {
            f.measure
                .map(|m| m.as_str().to_string())
                .unwrap_or_default()
        },
    );
}

#[test]
fn subject_of() {
    check(
        &[
            // A partner in apposition after `with a ... partner,` or a foreign company after
            // `with China's` is no subject, here or in the sentences after.
            ("Gas\n\nNear Aksay, a $420 million gas plant built with a Chinese partner, Tianli Gas Energy, is 60% complete. We brought gas to 62 villages.", "2025-03-01", "60%", "Aksay"),
            ("Gas\n\nNear Aksay, a $420 million gas plant built with a Chinese partner, Tianli Gas Energy, is 60% complete. We brought gas to 62 villages.", "2025-03-01", "62 villages", "Aksay"),
            ("Mill\n\nA $220 million mill is being built in Pavlodar with China's Hebei Light Alloys, which will roll 100 thousand tonnes a year.", "2025-03-01", "100 thousand tonnes", "Pavlodar"),
            ("Mill\n\nHebei Light Alloys, a Chinese partner, will invest $50 million in Pavlodar.", "2025-03-01", "$50 million", "Hebei Light Alloys"),
            // A part of the figure before, placed by its own `in`, is the place's; the next
            // sentence goes on about the whole.
            ("Investment\n\nZhambyl region attracted KZT 398 billion of investment, a quarter of it in Taraz.", "2025-03-01", "a quarter", "Taraz"),
            ("Enterprises\n\nTajikistan opened 1,612 small enterprises, 41% of them in Sughd region. It created 21,340 jobs.", "2025-03-01", "21,340 jobs", "Tajikistan"),
            ("Staff\n\nAkzhal Mining had 3,150 employees, about 85% of them residents of the district.", "2025-03-01", "85%", "Akzhal Mining"),
            // Not a company that opens its sentence after them (`With a Chinese partner, X
            // built`), nor one a deal is signed with.
            ("Copper\n\nWith Chinese partners, Balkhash Copper will invest $700 million in Pavlodar region.", "2025-03-01", "$700 million", "Balkhash Copper"),
            ("Forum\n\nThe region signed an agreement with China's Hebei Steel Group, which will invest $1.5 billion.", "2025-03-01", "$1.5 billion", "Hebei Steel Group"),
            // A part that opens its own sentence hands the whole on too.
            ("FDI\n\nKazakhstan attracted $23 billion of FDI in 2024. 60% of it in Atyrau region went to oil. The economy grew 4.8%.", "2025-03-01", "4.8%", "Kazakhstan"),
            // A former name in brackets says what a place was.
            ("Turkistan\n\nTurkistan region (formerly South Kazakhstan region) attracted KZT 450 billion in 2019.", "2020-03-01", "KZT 450 billion", "Turkistan region"),
            // The parts of a former region's land lie in it.
            ("Jobs\n\nSairam district of South Kazakhstan region created 1,500 jobs in 2016.", "2017-03-01", "1,500 jobs", "Sairam district"),
            // `the national` before a figure: the country's, beside its place's.
            ("Kyzylorda\n\nUnemployment in Kyzylorda fell to 4.5%, below the national 4.7%.", "2025-03-01", "4.7%", "Kazakhstan"),
            ("Tashkent\n\nInflation in Tashkent was 9.8%. The national 9.1% was lower.", "2025-03-01", "9.1%", "Uzbekistan"),
            // `our region` in an official's quote is the region in view.
            ("Fergana\n\nFergana region's hokim reported. \"Our region gives 6.2% of Uzbekistan's output and ranks fifth,\" he said.", "2025-03-01", "fifth", "Fergana region"),
            // A company named after the place it stands in is no item of a list of places.
            ("Mill\n\nIn Kokand, Kokand Cement launched a kiln that employs 1,100 people.", "2025-03-01", "1,100 people", "Kokand Cement"),
            // South Kazakhstan region, renamed Turkistan region in 2018 when Shymkent left it,
            // keeps its name: its figures are of another territory.
            ("South Kazakhstan\n\nSouth Kazakhstan region attracted KZT 318 billion of investment in 2017.", "2017-08-01", "KZT 318 billion", "South Kazakhstan region"),
            ("ЮКО\n\nЮжно-Казахстанская область привлекла 318 млрд тенге инвестиций в 2017 году.", "2017-08-01", "318 млрд тенге", "South Kazakhstan region"),
            // A place inside the name of a dateline's agency is not what the text is about.
            ("Kazakhstan to sow more wheat\n\nASTANA. Astana Farm Wire – Farmers will sow 22 million hectares this year, the vice minister said.", "2024-03-01", "22 million hectares", "Kazakhstan"),
            ("Казахстан увеличит посевы\n\nАКТОБЕ. «Актобе Ньюс» – Аграрии посеют 22 млн гектаров, сообщил вице-министр.", "2024-03-01", "22 млн гектаров", "Kazakhstan"),
            ("Plant\n\nAKTOBE. Steppe Wire – A plant in Aktobe will employ 300 people.", "2024-03-01", "300 people", "Aktobe"),
            // A partner a launch names (`jointly with`, `совместно с`, `a joint venture of
            // ... and`) is not what the next sentences' cost and jobs are about; the investor
            // a deal is signed with and the joint venture itself are.
            ("Plant\n\nIn Jizzakh, Dustlik Glass launched a plant jointly with the Turkish firm Anadolu Cam. The project cost $40 million.", "2024-05-01", "$40 million", "Dustlik Glass"),
            ("Завод\n\nВ Джизаке запущен завод ООО «Дустлик Шиша», созданного совместно с турецкой компанией «Анадолу Джам». Стоимость проекта составила $40 млн.", "2024-05-01", "$40 млн", "ООО «Дустлик Шиша»"),
            ("Mill\n\nA mill built by Vakhsh Textile, a joint venture of local investors and the Chinese firm Hubei Silk, opened in Bokhtar. The mill cost $30 million.", "2024-05-01", "$30 million", "Vakhsh Textile"),
            ("Forum\n\nThe largest deal, worth $300 million, was signed with the Turkish company Kaya Tekstil for a cluster that will employ 2,000 people.", "2024-05-01", "2,000 people", "Kaya Tekstil"),
            ("Проект\n\nПроект реализует совместное предприятие ООО «Сугд Металл», 60% которого принадлежит китайской стороне. Стоимость проекта оценивается в $200 млн.", "2024-05-01", "$200 млн", "ООО «Сугд Металл»"),
            // The place an event was held in (`at a briefing in Astana`, `на форуме в
            // Павлодаре`) is not what its figures are about.
            ("Sowing\n\nFarmers of Kazakhstan will sow 22 million hectares, the vice minister said at a briefing in Astana.", "2024-03-01", "22 million hectares", "Kazakhstan"),
            ("Forum\n\nAt the Turkistan region investment forum held in Shymkent, 20 agreements were signed.", "2024-03-01", "20 agreements", "Turkistan region"),
            ("Форум\n\nНа инвестфоруме Павлодарской области в Экибастузе подписано 12 соглашений.", "2024-03-01", "12 соглашений", "Pavlodar region"),
            ("Завод\n\nВ Экибастузе открыт завод на 120 рабочих мест.", "2024-03-01", "120 рабочих мест", "Ekibastuz"),
            ("Schools\n\nThe meeting approved 5 schools in Aktobe.", "2024-03-01", "5 schools", "Aktobe"),
            ("Связь\n\nС участием АО «Казахтелеком» в области проложено 300 км оптоволокна.", "2024-03-01", "300 км", "Kazakhtelecom"),
            ("Молоко\n\nСовместно с ним ТОО «Кокше Сут» запустило цех на 40 рабочих мест.", "2024-03-01", "40 рабочих мест", "ТОО «Кокше Сут»"),
            ("Uranium\n\nThe joint venture of Kazatomprom and Orano produced 2,000 tonnes of uranium.", "2024-03-01", "2,000 tonnes", "Kazatomprom"),
            // A place a figure-less lead names before its list speaks for the items that name
            // none, over a city the paragraph before named.
            ("Итоги\n\nВ Намангане открылся новый рынок.\n\nИтоги года в Наманганской области:\n- объём ВРП составил 61,2 трлн сумов;\n- трудоустроено 94 тыс. человек.", "2026-01-20", "61,2 трлн сумов", "Namangan region"),
            ("Results\n\nA new market opened in Namangan.\n\nResults of the year in Namangan region:\n- GRP reached 61.2 trillion soums;\n- 94,000 people found jobs.", "2026-01-20", "94,000 people", "Namangan region"),
            // A quote that names no place is about the place of the official who says it,
            // not about the place the paragraph named before.
            ("Meeting\n\nAtyrau region attracted 310 billion tenge. \"This year we opened six plants with 900 jobs,\" the akim of Pavlodar region said.", "2024-02-10", "900 jobs", "Pavlodar region"),
            ("Meeting\n\nAtyrau region attracted 310 billion tenge. \"In Ekibastuz we opened six plants,\" the akim of Pavlodar region said.", "2024-02-10", "six plants", "Ekibastuz"),
            ("Meeting\n\nKazakhstan attracted 310 billion tenge. \"We opened six plants,\" the minister said after meeting the akim of Pavlodar region.", "2024-02-10", "six plants", "Kazakhstan"),
            ("Meeting\n\nKazakhstan attracted 310 billion tenge. \"We opened six plants,\" said the akim of Pavlodar region.", "2024-02-10", "six plants", "Pavlodar region"),
            // A lead that names a company speaks for its items, not the city it was said in.
            ("Results\n\nAt a briefing in Astana, the chairman of KEGOC summed up 2025:\n- net profit reached 45 bln tenge.", "2026-01-20", "45 bln tenge", "KEGOC"),
            // A foreign investor that builds: its country of origin in a possessive, or a
            // description it is the apposition of, leaves it the doer, the place only where.
            ("Plants\n\nKorea's Hanil Motors opened an assembly line in Kostanay with a capacity of 20,000 cars a year.", "2024-02-10", "20,000 cars", "Hanil Motors"),
            ("Plants\n\nA Turkish company, Bosphorus Kimya Industries, will build a paint plant worth $40 million in Shymkent.", "2024-02-10", "$40 million", "Bosphorus Kimya Industries"),
            // The company the lead opens with goes on being what a later sentence that names
            // nothing counts, unless that is the roads or budget of the place around it.
            ("Yarn mill opens in Namangan region\n\nTASHKENT. Silk Wire – Fergana Spinning Industries, a joint venture of two textile groups, has opened a yarn mill in Namangan region.\n\nThe first phase cost $30 million.", "2024-02-10", "$30 million", "Fergana Spinning Industries"),
            ("Yarn mill opens in Namangan region\n\nTASHKENT. Silk Wire – Fergana Spinning Industries, a joint venture of two textile groups, has opened a yarn mill in Namangan region.\n\nThis year 40 km of roads were rebuilt.", "2024-02-10", "40 km", "Namangan region"),
            ("Yarn mill opens in Namangan region\n\nTASHKENT. Silk Wire – Fergana Spinning Industries, a joint venture of two textile groups, has opened a yarn mill in Namangan region.\n\nIndustrial output grew by 6% in January-June.", "2024-07-10", "6%", "Namangan region"),
            ("Yarn mill opens in Namangan region\n\nTASHKENT. Silk Wire – Fergana Spinning Industries, a joint venture of two textile groups, has opened a yarn mill in Namangan region.\n\nOver 3,500 new jobs were created last year.", "2024-07-10", "3,500 new jobs", "Namangan region"),
            // The works of the company a story follows, spoken of without its name (`the
            // mill`, `it`, `we`, `на предприятии`), are the company's; a sentence with no
            // such word stays with the place.
            ("Yarn mill opens in Namangan region\n\nTASHKENT. Silk Wire – Fergana Spinning Industries, a joint venture of two textile groups, has opened a yarn mill in Namangan region.\n\nThe region's exports grew. The mill employs 700 people.", "2024-02-10", "700 people", "Fergana Spinning Industries"),
            ("A farm that grew\n\nIn 2004 Bolat Sadykov founded a farm in Zhaksy district. Today his company Kenes Agro works 3,000 hectares.\n\nSince then the farm has tripled its herd to 600 head, and Kenes Agro now sells milk in Astana.", "2024-02-10", "600 head", "Kenes Agro"),
            ("A farm that grew\n\nIn 2004 Bolat Sadykov founded a farm in Zhaksy district. Today his company Kenes Agro works 3,000 hectares.\n\n\"We sold 900 tonnes of milk last year,\" says Sadykov. Kenes Agro plans a barn.", "2024-02-10", "900 tonnes", "Kenes Agro"),
            ("Хозяйство\n\nТОО «Береке Агро» в Жаксынском районе начинало в 2004 году с 50 гектаров. Сегодня ТОО «Береке Агро» продаёт молоко в Астане.\n\nНа предприятии работают 45 человек.", "2024-02-10", "45 человек", "ТОО «Береке Агро»"),
            // A facility named after its place and what it is is narrower than the place.
            ("Power\n\nThe Zhanatas wind park in Zhambyl region produced 390 million kWh last year.", "2024-02-10", "390 million kWh", "Zhanatas wind park"),
            ("Trade\n\nAt the Kolzhat border crossing, traffic averages 600 trucks a day.", "2024-02-10", "600 trucks", "Kolzhat border crossing"),
            ("Logistics\n\nThe Khorgos dry port handled 2.3 million tonnes of cargo in 2023.", "2024-02-10", "2.3 million tonnes", "Khorgos dry port"),
            // A country a place trades with, in the title too, is the partner, not the topic.
            ("Торговля с Китаем: Павлодар наращивает экспорт\n\nВ первом полугодии внешнеторговый оборот Павлодарской области с Китаем составил $210 млн.", "2024-08-10", "$210 млн", "Pavlodar region"),
            // `the park` is the park named before, a zone or a facility.
            ("Director: exports will grow\n\nChilanzar Digital Park in Tashkent opened in 2020, one of the largest in Uzbekistan.\n\n– How many firms work in the park now?\n– We have 310 resident companies.\n\n– What share of Uzbekistan exports is yours?\n– A fifth of Uzbekistan IT exports come from us.", "2024-03-10", "310 resident companies", "Chilanzar Digital Park"),
            // A cluster is a company, and `the cluster` after it is that one, not its region.
            ("Cotton\n\nShovot Textile Cluster works in Khorezm region. The cluster picked 52,000 tonnes of cotton this year.", "2023-11-10", "52,000 tonnes", "Shovot Textile Cluster"),
            // An airport is a facility too, and `the airport` (`аэропорт`) after it is that one.
            ("Air\n\nKarasuu International Airport served 1.1 million passengers in 2018. The airport paid 90 million soms in taxes.", "2019-02-10", "90 million soms", "Karasuu International Airport"),
            ("Авиация\n\nМеждународный аэропорт «Бухара» обслужил 1,1 млн пассажиров. Выручка аэропорта достигла 84 млрд сумов.", "2019-02-10", "84 млрд сумов", "Bukhara International Airport"),
            ("Авиация\n\nАэропорт «Нукус» обслужил 300 тыс. пассажиров.", "2019-02-10", "300 тыс. пассажиров", "Nukus Airport"),
            ("Авиация\n\nМеждународный аэропорт «Жибек Жолы» обслужил 300 тыс. пассажиров.", "2019-02-10", "300 тыс. пассажиров", "международный аэропорт «Жибек Жолы»"),
            // `the park` is a park named before, never a zone of another name.
            ("Parks\n\nThe Khorgos SEZ attracted 40 companies. In Taraz a new park was opened; the park covers 12 hectares.", "2022-09-01", "12 hectares", "Taraz"),
            // A headline shortens the region to the name it shares with its centre, unless it
            // puts the figure `in` that town.
            ("Kostanay farmers bring in 4.9 million tonnes\n\nThe grain harvest of Kostanay region reached 4.9 million tonnes.", "2024-10-01", "4.9 million tonnes", "Kostanay region"),
            ("Mill with 300 jobs opens in Kostanay\n\nA flour mill with 300 jobs opened in Kostanay region.", "2024-10-01", "300 jobs", "Kostanay"),
            // The place a sentence's first statistic is of goes on; the one it is set against
            // after it does not.
            ("Prices\n\nPrices in Kostanay region rose 8.9%, above the 8.1% recorded for Kazakhstan. Food prices climbed 10.2%.", "2024-04-01", "10.2%", "Kostanay region"),
            // A foreign country a sentence with no figure names is a destination, not what the
            // next sentence goes on about.
            ("Logistics\n\nThe Khorgos dry port in Zhetysu region handled 2.3 million tonnes. Trains leave it for China and Iran. The port cost 40 billion tenge.", "2024-02-10", "40 billion tenge", "Khorgos dry port"),
            // A facility lies where it is said to stand: the country around it is no foreign one.
            ("Kokzhar wind park grows\n\nThe Kokzhar wind park in Zhambyl region produced 390 million kWh last year. Across Kazakhstan, renewables' share was 6.1%.", "2024-02-10", "6.1%", "Kazakhstan"),
            // A place after a time that opens its sentence is what the paragraph goes on
            // about, not an item of a list; a headline's place is not.
            ("Talas lags\n\nIn January-May, Osh region's output grew by 4.4%. Twelve plants were opened.", "2024-06-10", "Twelve plants", "Osh region"),
            // The official of a place who opens a sentence to report speaks of that place;
            // one who presents a project in another place does not.
            ("Talas lags\n\nThe akim of Osh region reported that the economy grew by 4.2%. Construction rose by 27%.", "2024-06-10", "27%", "Osh region"),
            ("Park\n\nUzgen will get a park. The akim of Osh region presented a plan for the city's embankment. In his words, a 900-metre promenade will be built.", "2024-06-10", "900-metre", "Uzgen"),
            // A sentence with no figure hands on the company it names, not the zone it
            // stands in.
            ("Tiles\n\nKaraman Seramik, a tile maker from Turkey, opened a plant in the Jizzakh free economic zone. The project is worth $48 million.", "2023-05-16", "$48 million", "Karaman Seramik"),
            // An index of the physical volume of output is a place's statistic, never the
            // company the sentence before was about.
            ("Coal\n\nKostanay region mined 5.2 million tonnes of coal in 2023, most of it by Tobyl Komir LLP. The index of physical volume in mining was 104.2%.", "2024-02-20", "104.2%", "Kostanay region"),
            ("Уголь\n\nВ 2023 году угольщики Костанайской области добыли 5,2 млн тонн угля. Основной объём – 3,1 млн тонн – обеспечило ТОО «Тобыл Комир». Индекс физического объёма в горнодобывающей промышленности составил 104,2%.", "2024-02-20", "104,2%", "Kostanay region"),
            // A foreign country a sentence opens on is a partner, no theme for the next.
            ("Trade\n\nKyrgyzstan's foreign trade reached $9 billion in 2023. Russia remained the largest trading partner with $2.5 billion. Trade with Uzbekistan doubled to $400 million.", "2024-02-20", "$400 million", "Kyrgyzstan"),
            // A body that only says the figures is not what the next sentences are about.
            ("Loans\n\nBanks across Kazakhstan issued 9,000 subsidised loans in 2021, the Bereke Business Fund reported.\n\nIn the first quarter, 2,700 borrowers received 170 billion tenge.\n\nThe Bereke Business Fund also issued 800 guarantees.", "2022-01-20", "170 billion tenge", "Kazakhstan"),
            ("Loans\n\nBanks across Kazakhstan issued 9,000 subsidised loans in 2021, the Bereke Business Fund reported.\n\nIn the first quarter, 2,700 borrowers received 170 billion tenge.\n\nThe Bereke Business Fund also issued 800 guarantees.", "2022-01-20", "800 guarantees", "Bereke Business Fund"),
            ("Bonds\n\nAral Energy, the power arm of the Aral Holding group, placed bonds worth 50 billion tenge, the company said. Demand reached 80 billion tenge.", "2026-04-08", "80 billion tenge", "Aral Energy"),
            // A name after the figure that opens the next conjunct is the next figure's.
            ("Migrants\n\nKhatlon region sent 120,000 workers and Sughd region 90,000.", "2024-06-01", "120,000 workers", "Khatlon region"),
            // A national average or a figure `nationwide` is the home country's, named or
            // not; a multiple of the average is the region's.
            ("Wages\n\nIn Aral district wages reached 310,000 tenge, below the national average of 402,000 tenge.", "2024-06-01", "402,000 tenge", "Kazakhstan"),
            ("Wages\n\nIn Aral district wages reached 310,000 tenge, against 402,000 tenge nationwide.", "2024-06-01", "402,000 tenge", "Kazakhstan"),
            ("Wages\n\nIn Aral district wages reached 310,000 tenge, below the national average of 402,000 tenge.", "2024-06-01", "310,000 tenge", "Aral district"),
            ("Wages\n\nWages in Atyrau region are twice the national average.", "2024-06-01", "twice", "Atyrau region"),
            ("Wages\n\nWages in Atyrau region exceed the national average by 40%.", "2024-06-01", "40%", "Atyrau region"),
            ("Banks\n\nHalyk Bank opened 40 new branches across the country.", "2024-06-01", "40 new branches", "Halyk Bank"),
            ("Wages\n\nWages in Kazakhstan grew 8%. In Uzbekistan, wages grew 10% nationwide.", "2024-06-01", "10%", "Uzbekistan"),
            // A bank or a fund that lends, finances or subsidises loans is where the money
            // comes from, in Russian too.
            ("Вода\n\nВ Аральском районе проложен водопровод. Проект стоимостью 900 млн тенге профинансирован за счёт займа Азиатского банка развития.", "2023-05-20", "900 млн тенге", "Aral district"),
            ("Loans\n\nIn Aral district, the Damu Entrepreneurship Development Fund subsidised 40 loans.", "2023-05-20", "40 loans", "Aral district"),
            // A fund that finances what is no loan spends its own money.
            ("Health\n\nIn Aral district, the Social Health Insurance Fund financed 500 operations.", "2023-05-20", "500 operations", "Social Health Insurance Fund"),
            // A place the figure's own `in` leads to is its own, over one named before it.
            ("Cotton\n\nCotton covered 90 thousand hectares, of which 40% in Shardara district and 25% in the new Keles district.", "2024-06-01", "25%", "Keles district"),
            // A contractor builds for the place the figure is about.
            ("Water\n\nIn Aral district, the contractor Aral Su Kurylys LLP laid 12 km of pipes.", "2023-05-20", "12 km", "Aral district"),
            ("Вода\n\nВ Аральском районе подрядчик ТОО «Арал Су» проложил 14 км труб.", "2023-05-20", "14 км", "Aral district"),
            // A village the gazetteer lacks, its name ending where a known place begins.
            ("Вода\n\nВ селе Жанаталап Аральского района проложено 14 км труб.", "2023-05-20", "14 км", "село Жанаталап"),
            // A name after a conjunct is the next figure's, even when the figure's own is a
            // word further back (`with`).
            ("Wells\n\nThe leaders are Aral district with 11 wells and Kazaly district with 7.", "2024-06-01", "11 wells", "Aral district"),
            ("Jobs\n\nThe region created 5,000 jobs, including 2,100 in the city of Aktau and 900 in the city of Zhanaozen.", "2024-06-01", "2,100", "Aktau"),
            // Two countries joined by a dash in a title are no dateline: the first, named
            // first in the lead too, is what the text is about; the partner is foreign.
            ("Kazakhstan–Tajikistan trade grows\n\nTrade between Kazakhstan and Tajikistan reached $1.1 billion, the ministry said.\n\nExports to Tajikistan rose 4%.", "2025-02-01", "$1.1 billion", "Kazakhstan"),
            // Places named jointly speak of the place that holds them, in Russian too.
            ("Промышленность\n\nВ Худжанде и Исфаре открыто 28 новых предприятий.", "2018-03-01", "28 новых предприятий", "Sughd region"),
            // A place named to compare with is not what `города` after it refers to.
            ("Туризм\n\nЗа год Тараз посетили 600 тыс. туристов. По этому показателю город занимает третье место после Алматы и Астаны.\n\nГостиничный фонд города насчитывает 40 гостиниц.", "2024-10-01", "40 гостиниц", "Taraz"),
            ("Цех\n\nТОО «Агро Сервис» открыло в Каттакургане цех мощностью 5 тыс. тонн.", "2025-04-01", "5 тыс. тонн", "ТОО «Агро Сервис»"),
            // A participle clause after a name says what that one is.
            ("Industry\n\nAbai region, separated from East Kazakhstan region in 2022, produced 900 billion tenge of industrial output last year.", "2025-04-01", "900 billion tenge", "Abai region"),
            // So does a relative clause, or `one of ...`: the company named first pays.
            ("Gold\n\nAltyn Tau Mining LLC, which works a deposit in the Chatkal district of Jalal-Abad region, paid 800 million soms in taxes.", "2025-04-01", "800 million soms", "Altyn Tau Mining LLC"),
            ("Yarn\n\nSamarkand Yarn LLC, one of the largest spinners in Samarkand region, exported goods worth $30 million.", "2025-04-01", "$30 million", "Samarkand Yarn LLC"),
            // A company named in the clauses before a figure whose own clause names nothing
            // does what is counted; the place near it says where.
            ("Glass\n\nThe largest of them, a glass plant of Shieli Glass LLP near Kyzylorda, cost 31 billion tenge.", "2025-04-01", "31 billion tenge", "Shieli Glass LLP"),
            // A village named as such is a place of its own, narrower than its district.
            ("Wind\n\nA wind farm near the village of Akbulak will cost 40 billion tenge.", "2025-04-01", "40 billion tenge", "Akbulak"),
            // The regions formed in 2022 by their Russian adjectives.
            ("Школы\n\nВ Жетысуской области построят 3 школы.", "2025-04-01", "3 школы", "Zhetysu region"),
            ("Дороги\n\nВ Улытауской области отремонтируют 90 км дорог.", "2025-04-01", "90 км", "Ulytau region"),
            // `the regional centre` is the administrative centre of the region in view.
            ("Schools\n\nKostanay region will open nine schools this year. In the regional centre, 3 schools will be built.", "2025-04-01", "3 schools", "Kostanay"),
            ("Школы\n\nВ Павлодарской области откроют девять школ. В областном центре построят 4 школы.", "2025-04-01", "4 школы", "Pavlodar"),
            // A stock exchange is where bonds are placed, and a clause in apposition says what
            // the company is: the company placed them.
            ("Bonds\n\nKazakhtelecom, the operator held by the Samruk-Kazyna fund, has placed bonds worth 40 billion tenge on the Kazakhstan Stock Exchange.", "2025-04-01", "40 billion tenge", "Kazakhtelecom"),
            ("Облигации\n\nКазатомпром разместил на Казахстанской фондовой бирже облигации на 30 млрд тенге.", "2025-04-01", "30 млрд тенге", "Kazatomprom"),
            // `the company` after such a clause is the one it describes, not the one it names.
            ("Bonds\n\nKazakhtelecom, the operator held by the Samruk-Kazyna fund, placed bonds on Monday, the company said. The notes carry a coupon of 13.5% a year.", "2025-04-01", "13.5%", "Kazakhtelecom"),
            // `the plant` refers back to the company that builds it, not to the one that speaks.
            ("Plant\n\nKazakhstan Petrochemical Industries is building a plant in Atyrau region, KazMunayGas said. The plant will employ 700 people.", "2025-04-01", "700 people", "Kazakhstan Petrochemical Industries"),
            // A bank that lends is where the money comes from, not what it is about; a bank's
            // own results are its own. The ends of a route are no subject either.
            ("Roads\n\nThe Asian Development Bank approved a loan of $80 million for a road in Osh region.", "2024-08-01", "$80 million", "Osh region"),
            ("Bank\n\nHalyk Bank earned 600 billion tenge of net profit last year.", "2024-08-01", "600 billion tenge", "Halyk Bank"),
            ("Mangystau region roads\n\nRepairs of the Aktau–Zhetybai road will cost 9 billion tenge.", "2024-08-01", "9 billion tenge", "Mangystau region"),
            ("Дороги Актюбинской области\n\nЗавершена реконструкция автодороги Актобе – Кандыагаш протяжённостью 96 км.", "2025-02-01", "96 км", "Aktobe region"),
            // A route told from one end to the other: neither end is its subject, the place
            // that holds it is.
            ("Rail\n\nA 90-km railway line from Shu to Korday district in Zhambyl region is 30% complete.", "2024-08-01", "30%", "Zhambyl region"),
            // An organisation that does what is counted, before the figure, is its subject;
            // the places after `in` or `at` say where.
            ("Copper\n\nAlmalyk MMC shipped 90,000 tonnes of copper from its works in Angren.", "2024-08-01", "90,000 tonnes", "Almalyk MMC"),
            ("Copper\n\nKazakhmys smelted 250,000 tonnes of copper and employed 20,000 people in Zhezkazgan and Balkhash.", "2024-08-01", "20,000 people", "Kazakhmys"),
            // `район` and `зона` alone are the district and the zone in view; in the plural
            // they speak of many.
            ("Район\n\nАким Саркандского района отчитался перед жителями. За год в районе построили 4 школы.", "2024-08-01", "4 школы", "Sarkand district"),
            ("Зоны\n\nВ Ташкентской области работает СИЗ «Ангрен». На развитие промышленных зон области выделено 90 млрд сумов.", "2024-08-01", "90 млрд сумов", "Tashkent region"),
            ("Зона\n\nВ свободной экономической зоне «Сугд» работают 60 компаний. Участники зоны выпустили продукции на 1 млрд сомони.", "2025-02-01", "1 млрд сомони", "Sughd free economic zone"),
            // Russian names of the zones are the gazetteer's; Kyrgyz and Uzbek legal forms
            // name companies as ТОО does.
            ("Зона\n\nВ свободной экономической зоне «Сугд» за год зарегистрировали 7 новых участников.", "2025-02-01", "7 новых участников", "Sughd free economic zone"),
            ("Зона\n\nУчастники СЭЗ «Оңтүстік» выпустили продукции на 40 млрд тенге.", "2025-02-01", "40 млрд тенге", "SEZ Ontustik"),
            ("Цех\n\nВ Чуйской области ОсОО «Ак-Суу Агро» открыло цех мощностью 6 тыс. тонн.", "2025-02-01", "6 тыс. тонн", "ОсОО «Ак-Суу Агро»"),
            // Who reports is not what is reported.
            ("Kazakhstan budget report\n\nAccording to the Ministry of Finance, tax revenues reached 4 trillion tenge.", "2024-03-01", "4 trillion tenge", "Kazakhstan"),
            ("Karaganda region results\n\nThe Statistics Committee said industrial output grew 6 percent.", "2024-03-01", "6 percent", "Karaganda region"),
            // ... unless the figure is split by the body.
            ("Plans for 2024\n\nThis year the Ministry of Energy will carry out 12 projects, the Ministry of Agriculture – 30 projects.", "2024-03-01", "30 projects", "Ministry of Agriculture"),
            // A count of something is no share of what follows it.
            ("Roads\n\nIn the Medeu district, a bridge is being built. This year 20 kilometres of streets were repaired in Almaty.", "2024-03-01", "20 kilometres", "Almaty"),
            // A ranking's next places, each figure in brackets after its place.
            ("Regions\n\nAktobe region led with 9.1 percent, followed by Atyrau region (7.4 percent) and Mangystau region (6.8 percent).", "2024-03-01", "7.4 percent", "Atyrau region"),
            // A dateline names where the news was filed, not what it is about.
            ("ASTANA – Karaganda region built 14 schools in 2023.", "2024-03-01", "14 schools", "Karaganda region"),
            // So does the agency in its brackets; a number word after its dash is no name.
            ("Zhambyl report\n\nTARAZ (Kazinform) - Nine companies of Zhambyl region paid 3 billion tenge in taxes.", "2024-03-01", "3 billion tenge", "Zhambyl region"),
            ("Zhambyl report\n\nTARAZ (Kazinform) - Nine companies opened in Zhambyl region.", "2024-03-01", "Nine companies", "Zhambyl region"),
            // A clause after the figure is an aside; one before it may set the place.
            ("Karaganda region housing\n\nOver 8,000 families are waiting for homes, some 3,000 families in Temirtau.", "2024-03-01", "8,000 families", "Karaganda region"),
            ("Karaganda region housing\n\nOver 8,000 families are waiting for homes, some 3,000 families in Temirtau.", "2024-03-01", "3,000 families", "Temirtau"),
            ("Regional news\n\nIn Temirtau, the akimat opened 4 kindergartens.", "2024-03-01", "4 kindergartens", "Temirtau"),
            // Places named jointly speak of the place that holds them all.
            ("Regional news\n\nIndustrial output grew 9 percent in Temirtau, Balkhash and Saran.", "2024-03-01", "9 percent", "Karaganda region"),
            // The place a rank is counted in is not what is ranked.
            ("Farm report\n\nAkmola region ranks 3rd in Kazakhstan in grain output.", "2024-03-01", "3rd", "Akmola region"),
            // A share's whole is not its subject.
            ("Energy report\n\nPavlodar region produced 40% of all electricity generated in Kazakhstan.", "2024-03-01", "40%", "Pavlodar region"),
            // An origin or a partner is not the subject either.
            ("Shymkent news\n\nInvestors from China will put $200 million into a plant in Shymkent.", "2024-03-01", "$200 million", "Shymkent"),
            ("Transit report\n\nKazakhstan saw more transit. Traffic on the China-Europe-China route grew 20 percent.", "2024-03-01", "20 percent", "Kazakhstan"),
            // A sentence naming nothing: what the sentence before was about when it points
            // back, else the document's topic.
            ("Pavlodar region news\n\nA company opened a new smelter in Ekibastuz. The plant will employ 900 people.", "2024-03-01", "900 people", "Ekibastuz"),
            ("Pavlodar region news\n\nA new school opened in Ekibastuz. A further 12 schools are being built.", "2024-03-01", "12 schools", "Pavlodar region"),
            ("Kazakh PM urges faster investment\n\nThe government plans to attract 20 trillion tenge in 2025.", "2024-03-01", "20 trillion tenge", "Kazakhstan"),
            // The grammatical subject of a sentence carries through its paragraph; a place
            // after a preposition does not.
            ("Almaty news\n\nThe Almaty Industrial Zone has placed 9 small parks. Some 40 participants invested 2 billion tenge.", "2024-03-01", "2 billion tenge", "Almaty Industrial Zone"),
            // An official who reports stands for the place of their office when nothing
            // else is named.
            ("Economy review\n\nThe economy grew 5 percent, said Shymkent Mayor Ivan Petrov.", "2024-03-01", "5 percent", "Shymkent"),
            // A zone or company a sentence ends on is what the next one is about, unless
            // the next sums up.
            ("Karaganda region news\n\nThe governor visited the Saryarka special economic zone. Since its launch, output reached 40 billion tenge.", "2024-03-01", "40 billion tenge", "SEZ Saryarka"),
            ("Karaganda region news\n\nThe governor visited the Saryarka special economic zone. In total, the region attracted 90 billion tenge.", "2024-03-01", "90 billion tenge", "Karaganda region"),
            // `by` after a participle of doing names who does it, not a source; `the
            // enterprise` refers back to the company named before.
            ("Akmola region news\n\nThe governor said a plant was launched by Arman Steel LLP, which will make 5,000 tons of wire a year.", "2024-03-01", "5,000 tons", "Arman Steel LLP"),
            ("Akmola region news\n\nA bus plant has been opened by Arman Steel LLP in Kokshetau. Since January, the enterprise has assembled 300 buses.", "2024-03-01", "300 buses", "Arman Steel LLP"),
            ("Akmola region news\n\nA cement line is planned to be carried out by Arman Steel LLP. The project is to create 200 jobs.", "2024-03-01", "200 jobs", "Arman Steel LLP"),
            ("Akmola region news\n\nThe figures were reported by Kazinform. Output grew 4 percent.", "2024-03-01", "4 percent", "Akmola region"),
            // An item of a list is no sentence's subject.
            ("Tashkent region plans\n\nInvestors include companies from China, South Korea and Turkey. 23 thousand jobs will be created.", "2024-03-01", "23 thousand jobs", "Tashkent region"),
            // A place that opens a sentence as its setting is where the paragraph goes on.
            ("Almaty city report\n\nThe city opened 12 schools last year.\n\nIn the neighbouring Almaty region, a Turkish company built a glass works. Another investor has put 3 billion tenge into a dairy farm.", "2024-03-01", "3 billion tenge", "Almaty region"),
            // `more` and `another` count things besides the company spoken of before.
            ("Aktobe region industry\n\nIndustry in Aktobe region keeps growing. The Temir Steel plant raised its output this year. In addition, three more projects are being implemented.", "2024-03-01", "three more projects", "Aktobe region"),
            ("Aktobe region industry\n\nIndustry in Aktobe region keeps growing. The Temir Steel plant raised its output this year. Two more projects with a capacity of 40,000 tons a year are being built.", "2024-03-01", "40,000 tons", "Aktobe region"),
            // A national official quoted on the budget speaks of the country's; a governor
            // of the region's.
            ("Osh region visit\n\nPrime Minister of Kyrgyzstan Adylbek Kasymaliev met the akims of Osh region.\n\n“Last year the budget ran a surplus of KGS 3 billion,” he said.", "2024-03-01", "KGS 3 billion", "Kyrgyzstan"),
            ("Osh region visit\n\nThe akim of Osh region Bakyt Osmonov met the press.\n\n“Last year the budget ran a surplus of KGS 3 billion,” he said.", "2024-03-01", "KGS 3 billion", "Osh region"),
            // A company named with what it makes, and referred to as the enterprise or
            // the plant; the zone it stands in only says where it is.
            ("Zhetysu region news\n\nThe governor toured the Orda Power cable factory in the Taldykorgan industrial zone. The 4 billion tenge facility was rebuilt last year.", "2024-03-01", "4 billion tenge", "Orda Power"),
            ("Zhetysu region news\n\nThe governor toured the Orda Power cable factory in the Taldykorgan industrial zone. Cables made by the plant are sold abroad. At full load, the enterprise will make 9,000 km of cable per year.", "2024-03-01", "9,000 km", "Orda Power"),
            // A company written in camel case needs no head; a name after `with` that a
            // participle follows does what the clause says.
            ("Kostanay region news\n\nTwo new plants worth over 40 billion tenge are being built within AgroMashKZ.", "2024-03-01", "40 billion tenge", "AgroMashKZ"),
            ("Tashkent region news\n\nOutput rose by 5%, with the Ozod special industrial zone alone producing goods worth $90 million.", "2024-03-01", "$90 million", "Ozod special industrial zone"),
            // A reference after a comma describes the name before it.
            ("Karaganda region news\n\nSaran, the region's mining town, received 12 new buses last year.", "2024-03-01", "12 new buses", "Saran"),
            // A company that is the sentence's subject, past an apposition, does what is
            // counted in the places after `in`, and in the place that holds them.
            ("Almaty region farms\n\nKok Dala, a local dairy farm, has built a cheese plant worth 900 million tenge in Talgar district of Almaty region.", "2024-03-01", "900 million tenge", "Kok Dala"),
            // A road between two places of a region, named too, is the region's.
            ("Khatlon roads\n\nThe government will spend $40 million to widen the road between Bokhtar and Dangara in Khatlon region.", "2024-03-01", "$40 million", "Khatlon region"),
            // A list whose towns mostly lie in the region named beside it speaks of that
            // region, though a later map puts one of them in another.
            ("Karaganda region budget\n\nThe region plans to put 15 billion tenge into 900 rental flats in Karaganda, Temirtau and Zhezkazgan.", "2017-03-01", "900 rental flats", "Karaganda region"),
            // A list that ends right before the figure's clause is what it speaks of.
            ("Samarkand region report\n\nOutput is concentrated: Samarkand accounts for 30%, and two districts — Urgut and Jambay — for another 20%.", "2024-03-01", "20%", "Samarkand region"),
            // A technopark's name may follow its head.
            ("Kostanay region news\n\nTechnopark Tobol plans a bus line with a capacity of 500 buses a year.", "2024-03-01", "500 buses", "Technopark Tobol"),
            // The ends of a route are not what is built on it.
            ("Mangystau region news\n\nBuilders rebuilt 30 km of the Aktau – Zhetybai road.", "2024-03-01", "30 km", "Mangystau region"),
            // A title shortens a region to the name of its centre.
            ("Pavlodar plants raise output\n\nPAVLODAR – Plants of Pavlodar region worked at full load this year, the akimat said.\n\nSmelters raised aluminium output by 4 percent.", "2024-03-01", "4 percent", "Pavlodar region"),
            // A share of the country's whole is the share of what the sentence is about.
            ("Энергетика\n\nЭлектростанции Павлодарской области выработали 46,7 млрд кВт·ч, или 43% всего объёма по стране.", "2018-01-24", "43%", "Pavlodar region"),
            ("Цены\n\nВ Карагандинской области Казахстана цены выросли на 9,1%. Годовая инфляция составила 9,8% в среднем по стране.", "2025-03-01", "9,8%", "Kazakhstan"),
            // The lines of a block a colon introduces are the company's the lead named.
            ("Fergana textile cluster triples output\n\nFERGANA – Kok Textile Cluster, which works in Oltiariq and Rishtan districts of Fergana region, summed up its year. Its results:\n\nYarn: 9,800 tonnes\nGarments: 4.6 million pieces", "2018-01-22", "9,800 tonnes", "Kok Textile Cluster"),
            // A company the front names alone outweighs the places of a list.
            ("New branches\n\nHalyk Bank opened new branches in Almaty and Astana this month.\n\nIn total, the branches cost 2 billion tenge.", "2025-03-01", "2 billion tenge", "Halyk Bank"),
            // Places the front names only as a list are parts of the whole that holds them,
            // and the text is about that whole; a part it names on its own stays its topic.
            ("Water reached 52 villages\n\nThe water ministry said 52 villages got piped water, 20 of them in Turkistan and Zhambyl regions.\n\nSpending rose to 40 billion tenge.", "2024-03-01", "40 billion tenge", "Kazakhstan"),
            ("New mills\n\nTwo mills opened in Kara-Suu district of Osh region. Four more will open in Nookat and Uzgen districts.\n\nIn total, the mills cost 90 million soms.", "2024-03-01", "90 million soms", "Kara-Suu district"),
            // A body that analyses or forecasts reports the figures it gives, in every
            // sentence; a company the gazetteer knows forecasts its own.
            ("Outlook\n\nAnalysts at Koktem Partners raised their view on the economy of Uzbekistan. In a note, Koktem Partners expects exports to grow by 12% in 2025.", "2025-02-10", "12%", "Uzbekistan"),
            ("Прогноз\n\nАналитики компании «Коктем Партнерс» повысили прогноз роста экономики Узбекистана. ВВП вырос на 5,7% в 2024 году.", "2025-02-10", "5,7%", "Uzbekistan"),
            ("Outlook\n\nTajikistan's economy grew by 8% last year. The Asian Development Bank expects growth of 6.5% in 2025.", "2025-02-10", "6.5%", "Tajikistan"),
            ("Outlook\n\nKazakhstan Temir Zholy carried 240 million tonnes last year. The company expects transit to reach 30 million tonnes in 2025.", "2025-02-10", "30 million tonnes", "Kazakhstan Temir Zholy"),
            // So does a company named with its legal form, and one that experts speak of.
            ("Gold\n\nKokzhar Gold LLP produced 2.1 tonnes of gold in 2023. Kokzhar Gold LLP expects output of 2.5 tonnes in 2024. The mine employs 800 people.", "2024-02-10", "800 people", "Kokzhar Gold LLP"),
            ("Gold\n\nExperts say Kokzhar Gold LLP invested 40 billion tenge in its plant.", "2024-02-10", "40 billion tenge", "Kokzhar Gold LLP"),
            // A place that says where a body named before sits is no subject.
            ("Outlook\n\nKazakhstan's economy grew by 4.1% in 2023. Analysts at Koktem Partners, an Almaty brokerage, expect 3.5% this year.", "2024-02-10", "3.5%", "Kazakhstan"),
            // A foreign country in the possessive, or with a verb of its own economy after it,
            // is what its figure is about; after a preposition it is a partner.
            ("Outlook\n\nKazakhstan's economy grew by 4.1% in 2023. Kyrgyzstan's expanded by 9%, and Tajikistan reported growth of 8.3%.", "2024-02-10", "9%", "Kyrgyzstan"),
            ("Outlook\n\nKazakhstan's economy grew by 4.1% in 2023. Kyrgyzstan's expanded by 9%, and Tajikistan reported growth of 8.3%.", "2024-02-10", "8.3%", "Tajikistan"),
            ("Outlook\n\nKazakhstan's economy grew by 4.1% in 2023, while Uzbekistan still grew by 6%.", "2024-02-10", "6%", "Uzbekistan"),
            ("Trade\n\nKazakhstan's exports grew by 4.1% in 2023, and exports to Uzbekistan rose 12% to $3.1 billion.", "2024-02-10", "$3.1 billion", "Kazakhstan"),
            ("Trade\n\nKazakhstan's exports grew by 4.1% in 2023. Exports to neighbouring Uzbekistan rose 12% to $3.1 billion.", "2024-02-10", "$3.1 billion", "Kazakhstan"),
            ("Trade\n\nKazakhstan's exports grew by 4.1% in 2023. Imports from Russia, China, and Uzbekistan grew by 7%.", "2024-02-10", "7%", "Kazakhstan"),
            // An origin stays an origin: a modal takes the verb after it, and a possessive of
            // investors is theirs.
            ("Investment\n\nKazakhstan's exports grew by 4.1% in 2023. China will invest $5 billion in new plants.", "2024-02-10", "$5 billion", "Kazakhstan"),
            ("Investment\n\nKazakhstan's exports grew by 4.1% in 2023. Russia's companies invested $1.2 billion.", "2024-02-10", "$1.2 billion", "Kazakhstan"),
        ],
        |f| or_dash(f.subject.as_deref()),
    );
}

#[test]
fn period_of() {
    check(
        &[
            // `now` between a clause's time and a figure tells the figure of the present; a
            // time the figure is counted for stays its own.
            ("Greenhouses\n\nThe farm began in 2017 with 6 hectares under glass and now covers 48 hectares.", "2024-03-01", "48 hectares", "2024"),
            ("Greenhouses\n\nThe farm began in 2017 with 6 hectares under glass and now covers 48 hectares.", "2024-03-01", "6 hectares", "2017"),
            ("GDP\n\nGDP for 2019 is now put at 590 billion soms.", "2020-03-01", "590 billion soms", "2019"),
            // A span that opens a later paragraph of the front dates only what follows it,
            // not a lead on a project due by the year's end.
            ("Жильё\n\nВ Аральском районе строится жилой массив из 20 домов, который планируется сдать до конца года.\n\nЗа первое полугодие в районе введено 40 тыс. кв. м жилья.", "2025-07-15", "20 домов", "2025"),
            ("Жильё\n\nВ Аральском районе строится жилой массив из 20 домов, который планируется сдать до конца года.\n\nЗа первое полугодие в районе введено 40 тыс. кв. м жилья.", "2025-07-15", "40 тыс. кв. м", "2025-H1"),
            // A forecast moved from one value to another: both values are of the year it
            // forecasts, and the month it came out in dates neither.
            ("Outlook\n\nFor 2024 the ministry expects growth of 5%, and the fund in January raised its forecast for Kyrgyzstan from 3.2% to 4.1%.", "2024-02-10", "3.2%", "2024"),
            ("Outlook\n\nFor 2024 the ministry expects growth of 5%, and the fund in January raised its forecast for Kyrgyzstan from 3.2% to 4.1%.", "2024-02-10", "4.1%", "2024"),
            ("Прогноз\n\nВ апреле банк понизил прогноз роста на 2024 год с 5,1% до 4,6%.", "2024-05-10", "5,1%", "2024"),
            ("Outlook\n\nThe bank has cut its 2026 forecasts for the region. In its May update it expects growth of 3.9%.", "2025-06-10", "3.9%", "2026"),
            // A year before a forecast's noun is what it forecasts; a forecast of a plan's
            // path is no revision.
            ("Outlook\n\nThe bank kept its 2025 forecast for growth at 4.5%.", "2024-06-10", "4.5%", "2025"),
            ("Energy\n\nAccording to the ministry's forecast, the share of renewables will rise from 5% to 15% by 2030.", "2024-06-10", "5%", "2024"),
            // A record counted from a year is no span of the figure.
            ("Exports\n\nIn 2023 exports grew 3%. Imports fell 12% to $31 billion, the lowest since 2009.", "2024-02-10", "$31 billion", "2023"),
            ("Жильё\n\nВвод жилья в 2023 году вырос на 4%. Всего введено 2,1 млн кв. м – максимум с 2012 года.", "2024-02-10", "2,1 млн кв. м", "2023"),
            ("Зона\n\nРастёт и сама зона. С начала года в ней открылись шесть новых цехов.", "2024-06-20", "шесть новых цехов", "2024-01/2024-06"),
            // A sentence of background keeps its time to itself.
            ("Обзор\n\nДля сравнения, в 2011–2015 годах выпуск рос в среднем на 4,2% в год. В номинальном выражении выпуск достиг 12 трлн тенге.", "2024-02-10", "4,2%", "2011/2015"),
            ("Обзор\n\nДля сравнения, в 2011–2015 годах выпуск рос в среднем на 4,2% в год. В номинальном выражении выпуск достиг 12 трлн тенге.", "2024-02-10", "12 трлн тенге", "2024"),
            ("Trade\n\nFor comparison: in 2015 exports grew by 2%. Imports rose 3%.", "2024-06-10", "3%", "2024"),
            ("Trade\n\nIn comparison with the same period of 2023, exports in January-March grew by 5%. Imports rose 3%.", "2024-06-10", "3%", "2024-01/2024-03"),
            // A Russian participle of founding dates the founding, not the count beside it; a
            // short form opening its clause is the clause's own predicate.
            ("Завод\n\nВ компании, основанной в 1974 году, работают 860 человек.", "2024-05-10", "860 человек", "2024"),
            ("Завод\n\nЗавод, который был основан в 2009 году, выпустил 14 тыс. тонн стали.", "2024-05-10", "14 тыс. тонн", "2024"),
            ("Жильё\n\nОбъём жилья, введенного в 2023 году, составил 1,4 млн кв. м.", "2024-05-10", "1,4 млн кв. м", "2023"),
            ("Район\n\nВ районе открылись две школы, создано 640 рабочих мест в 2023 году.", "2024-05-10", "640 рабочих мест", "2023"),
            // A relative clause after a name tells the name's time, not the figures'.
            ("Бюджет\n\nБюджет области на 2025 год утверждён. На ремонт дорог предусмотрено 14 млрд тенге, в том числе 3 млрд тенге получит город Аксу, который в прошлом году стал областным центром.", "2024-12-10", "14 млрд тенге", "2025"),
            ("Plant\n\nThe akimat approved a plan for 2025. A school for 600 pupils will be built in Kosshy, which became a town in 2021.", "2024-12-10", "600 pupils", "2025"),
            ("Plant\n\nA school for 600 pupils will be built in Kosshy, which is due to open it in 2027.", "2024-12-10", "600 pupils", "2027"),
            // `в ближайшие N лет`: the document's year and those after it.
            ("Школы\n\nВ ближайшие пять лет в городе построят 9 школ.", "2024-05-10", "9 школ", "2024/2028"),
            // A day a stock is counted on carries to the next stocks of its unit, not to a
            // flow, nor to another thing counted; a figure-less lead gives its day to the
            // stocks of its block. A dateline is no such day.
            ("Herds\n\nThe office reported on January-June.\n\nAs of 1 July the region kept 84,000 head of cattle. Its flocks held 310,000 head of sheep.", "2024-07-20", "310,000 head", "2024-07-01"),
            ("Herds\n\nThe office reported on January-June.\n\nAs of 1 July the region kept 84,000 head of cattle. Farms sold 6,200 tonnes of meat.", "2024-07-20", "6,200 tonnes", "2024-01/2024-06"),
            ("Buses\n\nAs of 1 October the city ran 900 buses. The metro carried 51,000 passengers a day.", "2025-11-20", "51,000 passengers", "2025"),
            ("Cards\n\nAs of 1 July, the loan book of banks stood at 5 trillion tenge. Cashless payments reached 2 trillion tenge.", "2024-08-01", "2 trillion tenge", "2024"),
            ("Herds\n\nThe office has published its figures for 2023. Numbers are as of 1 January 2024:\n\nCattle – 96.1 thousand head (+1.2%)\nMilk – 41.3 thousand tonnes (+2.0%)", "2024-02-15", "96.1 thousand head", "2024-01-01"),
            ("Herds\n\nThe office has published its figures for 2023. Numbers are as of 1 January 2024:\n\nCattle – 96.1 thousand head (+1.2%)\nMilk – 41.3 thousand tonnes (+2.0%)", "2024-02-15", "41.3 thousand tonnes", "2023"),
            ("Скот\n\nНАРЫН, 12 октября. На 1 октября поголовье коров составило 41,2 тыс. голов. Овец насчитывается 380 тыс. голов.", "2023-10-12", "380 тыс. голов", "2023-10-01"),
            // What was done since a founding the document dated before runs from that year.
            ("Zone\n\nThe zone was set up in 2014 on 410 hectares.\n\nSince its creation, residents have invested 92.6 bln tenge and created 1 870 jobs.", "2023-03-01", "1 870 jobs", "2014/2023"),
            ("Зона\n\nИндустриальная зона создана в 2016 году. С момента создания в неё вложено 48 млрд тенге.", "2023-03-01", "48 млрд тенге", "2016/2023"),
            // The day the paragraph before counted its stocks on carries to the stocks of the
            // next paragraph counted in their unit, not to others.
            ("Sowing\n\nAs of May 6, farms had sown 402.5 thousand hectares, the ministry said.\n\nTalas region leads with 96.1 thousand hectares.", "2024-05-07", "96.1 thousand hectares", "2024-05-06"),
            ("Sowing\n\nAs of May 6, farms had sown 402.5 thousand hectares, the ministry said.\n\nThe region sold 6,100 tonnes of seed this year.", "2024-05-07", "6,100 tonnes", "2024"),
            ("Zone\n\nThe Saryarka zone was created in 2011.\n\nSince its creation, participants have invested 61.2 bln tenge.", "2023-03-01", "61.2 bln tenge", "2011/2023"),
            ("Jobs\n\nThe number of jobs created in 2021 reached 4,100.\n\nSince its creation, the zone has attracted 12 bln tenge.", "2023-03-01", "12 bln tenge", "2023"),
            ("Sowing\n\nAs of May 6, farms had sown 402.5 thousand hectares.\n\nA new canal waters 9.5 thousand hectares of farmland.", "2024-05-07", "9.5 thousand hectares", "2024"),
            ("Deposits\n\nAs of July 1, deposits reached 38.2 trillion tenge. By the same date next year the regulator expects them to reach 42 trillion tenge.", "2024-07-20", "42 trillion tenge", "2025"),
            // A span of days is kept to its months.
            ("Resorts\n\nFrom June 1 to August 31, the lake's resorts received 880,000 guests.", "2024-09-10", "880,000 guests", "2024-06/2024-08"),
            // A count on a day set against the same date a year before stays on its day.
            ("Firms\n\nAs of July 1, 2023, the number of operating firms made 61,300, having increased by 4.2% compared to the same date of last year.", "2023-07-14", "4.2%", "2023-07-01"),
            ("Газ\n\nКЫЗЫЛОРДА, 28 декабря. Итоги года:\n\n1. Газ пришёл в 17 сёл.", "2020-12-28", "17 сёл", "2020"),
            // A programme approved for years still running dates the plans of the next
            // sentence.
            ("Schools\n\nThe cabinet approved a programme of school repairs for 2024-2026. It will receive 52 billion tenge.", "2024-02-10", "52 billion tenge", "2024/2026"),
            // `over the year` in a report on a year that is over is that year, and so are
            // the figures after it in its paragraph.
            ("Wages\n\nThe average wage in the region reached 61,000 soms in 2024, the statistics office reported.\n\nFirms paid 96 billion soms in wages over the year. Income per head reached 410,000 soms.", "2025-03-20", "96 billion soms", "2024"),
            ("Wages\n\nThe average wage in the region reached 61,000 soms in 2024, the statistics office reported.\n\nFirms paid 96 billion soms in wages over the year. Income per head reached 410,000 soms.", "2025-03-20", "410,000 soms", "2024"),
            // ... but a plan over the year is of the year it is said in.
            ("Wages\n\nThe average wage in the region reached 61,000 soms in 2024, the statistics office reported.\n\nThe city will open 12 kindergartens over the year.", "2025-03-20", "12 kindergartens", "2025"),
            // A programme that is over dates no plan after it.
            ("Roads\n\nUnder the road programme for 2019-2023, roads were repaired in every district. The akimat will also build 9 schools.", "2023-10-01", "9 schools", "-"),
            // A time right after the earlier state of a change is that state's alone: not
            // the change's after it, nor the next sentences'.
            ("Poverty\n\nThe statistics office reported on 2024.\n\nPoverty fell to 11.2% from 12.9% in 2023, or by 1.7 percentage points. The region employed 390,000 people.", "2025-03-20", "1.7 percentage points", "2024"),
            ("Poverty\n\nThe statistics office reported on 2024.\n\nPoverty fell to 11.2% from 12.9% in 2023, or by 1.7 percentage points. The region employed 390,000 people.", "2025-03-20", "390,000 people", "2024"),
            // The earlier state of a rise holds for the day written right after it.
            ("Gas\n\nAs of 1 September, the share of homes with gas had risen to 61.2% from 55.1% on 1 January.", "2022-09-14", "55.1%", "2022-01-01"),
            // A year that labels a figure in brackets dates that figure alone.
            ("Bank results\n\nThe bank published its results for 2024.\n\nLoan book: 36.1 trillion soums (2023: 30.0 trillion)", "2025-03-12", "36.1 trillion soums", "2024"),
            ("Bank results\n\nThe bank published its results for 2024.\n\nLoan book: 36.1 trillion soums (2023: 30.0 trillion)", "2025-03-12", "30.0 trillion", "2023"),
            ("Нефть\n\nПо итогам 2023 года добыча нефти составила 2 046,7 тыс. тонн (2022 год: 1 912,3 тыс. тонн).", "2024-02-10", "2 046,7 тыс. тонн", "2023"),
            ("Нефть\n\nПо итогам 2023 года добыча нефти составила 2 046,7 тыс. тонн (2022 год: 1 912,3 тыс. тонн).", "2024-02-10", "1 912,3 тыс. тонн", "2022"),
            // A bare year labels a Russian figure in brackets too; a legend that says what the
            // brackets hold dates none of the lines below it.
            ("Бюджет\n\nОбласть подвела итоги 2023 года.\n\nОсновные показатели (в скобках – 2022 год):\nДоходы: 486,2 млрд тенге (2022: 440,5 млрд тенге)\nРасходы: 479,9 млрд тенге (2022: 431,5 млрд тенге)", "2024-02-21", "479,9 млрд тенге", "2023"),
            ("Бюджет\n\nОбласть подвела итоги 2023 года.\n\nОсновные показатели (в скобках – 2022 год):\nДоходы: 486,2 млрд тенге (2022: 440,5 млрд тенге)\nРасходы: 479,9 млрд тенге (2022: 431,5 млрд тенге)", "2024-02-21", "431,5 млрд тенге", "2022"),
            // A change to a year is counted against that year, which is no deadline; a target
            // to a year is one.
            ("Экспорт\n\nПрезидент поручил обеспечить рост к 2029 году экспорта до 40 млрд долларов.", "2025-03-01", "40 млрд долларов", "2029"),
            ("Budget\n\nSocial spending will take 47% of 2026's expenditures.", "2025-12-11", "47%", "2026"),
            ("Контейнеры\n\nВ 2024 году терминал переработал 520 тыс. ДФЭ. Рост к 2023 году составил 14%.", "2025-02-01", "14%", "2024"),
            ("Итоги 2023 года\n\nРасходы: 479,9 млрд тенге (2022: 431,5 млрд тенге)", "2024-02-10", "431,5 млрд тенге", "2022"),
            ("Results\n\nThe mine reported its results for 2023.\n\nKey figures (in brackets: 2022):\nOre mined: 4.1 million tonnes (3.8 million tonnes)", "2024-02-21", "4.1 million tonnes", "2023"),
            // A rate of a time that ends its clause is set against that time; a time that
            // qualifies a noun after it is no base.
            ("Copper\n\nIn September alone copper output was 36,900 tonnes, or 103.3% of September 2016.", "2017-10-20", "103.3%", "2017-09"),
            ("Budget\n\nSocial spending will take 47% of next year's expenditures.", "2025-12-11", "47%", "2026"),
            // A deadline alone in its clause after `а` dates the gapped figure after its dash.
            ("Цели\n\nК 2025 году довести выпуск до 31 млрд сомони, а к 2030 году – до 45 млрд сомони.", "2021-03-10", "45 млрд сомони", "2030"),
            // `On the same date` points to the day of the figures told before, in any
            // paragraph; without it a later figure keeps its own time.
            ("SMEs\n\nAs of April 1, 52,000 SMEs were operating in the region.\n\nOn the same date, the town of Zhanatas had 2,100 SMEs.", "2024-05-10", "2,100 SMEs", "2024-04-01"),
            ("МСП\n\nНа 1 апреля в области действовали 52 тыс. субъектов МСП.\n\nНа ту же дату в Жанатасе было 2 100 субъектов МСП.", "2024-05-10", "2 100 субъектов МСП", "2024-04-01"),
            // A count of years with no direction: ahead for a plan, the years ending now for
            // what is done, a reviewed programme's years when it is over and as long.
            ("Школы\n\nЗа три года в районе построено 12 школ.", "2024-05-14", "12 школ", "2022/2024"),
            ("Газ\n\nЗа два года планируется провести газ в 18 сёл.", "2024-05-14", "18 сёл", "2024/2025"),
            ("Bridges\n\nOver five years the agency repaired 140 bridges.", "2024-05-14", "140 bridges", "2020/2024"),
            ("Roads\n\nOver the next three years 600 km of roads will be rebuilt, and over four years 90 schools will be built.", "2024-05-14", "90 schools", "2024/2027"),
            ("Итоги программы\n\nПодведены итоги программы развития села на 2019–2023 годы. За пять лет в сёлах построено 64 школы.", "2024-02-20", "64 школы", "2019/2023"),
            // A month after the document's date with its year written out is that month.
            ("Tender\n\nA tender for 12 bus routes is set for March 2026.", "2025-10-02", "12 bus routes", "2026-03"),
            // A time after the earlier state that follows a figure is that state's.
            ("Безработица\n\nПо итогам 2022 года уровень безработицы снизился до 4,4% с 4,9% в 2021 году.", "2023-03-10", "4,4%", "2022"),
            ("Jobs\n\nIn 2022 the jobless rate fell to 4.4% from 4.9% in 2021.", "2023-03-10", "4.4%", "2022"),
            // `с 2015 года` before anything but a number runs to the document's year.
            ("Школы\n\nС 2016 года по программе в районе открыты 9 школ.", "2019-05-14", "9 школ", "2016/2019"),
            // A revision's old and new figures are of one period; the time a figure was
            // told is no period of it.
            ("Revision\n\nConstruction growth for 2023 was revised from 3.1% to 3.4%.", "2024-04-10", "3.1%", "2023"),
            // A time after the figure a figure is set against is that one's.
            ("Results\n\nRevenue reached 90 billion tenge against 75 billion tenge in 2022.", "2023-12-10", "90 billion tenge", "2023"),
            ("Итоги\n\nВыручка составила 90 млрд тенге против 75 млрд тенге в 2022 году.", "2023-12-10", "90 млрд тенге", "2023"),
            // When something was founded, in a clause of its own or a relative clause, is
            // no period of what the sentence counts.
            ("Gold\n\nIn 2024 the region poured 11 tonnes of gold. Aksu Gold, which commissioned a new plant in March, poured 3.1 tonnes of it.", "2025-01-30", "3.1 tonnes", "2024"),
            // A statistics office's monthly release dates the undated figures after its lead
            // to its month.
            ("Цены\n\nИндекс потребительских цен в августе 2025 года составил 100,7%, сообщил Национальный статистический комитет.\n\nПродовольственные товары подорожали на 0,9%.", "2025-09-10", "0,9%", "2025-08"),
            // A `from` right after a time is the base of a change, no time of the figure.
            ("Prices\n\nAnnual inflation slowed to 6.8% in March from February.", "2024-04-11", "6.8%", "2024-03"),
            // A figure set against another holds a year before it when the time compared
            // counts back from it.
            ("Steel\n\nThe works made 310,000 tonnes of steel in 2022, against 280,000 tonnes a year earlier.", "2023-04-27", "280,000 tonnes", "2021"),
            ("Урожай\n\nВ 2021 году урожайность составила 12,1 центнера против 13,4 центнера годом ранее.", "2022-01-20", "13,4 центнера", "2020"),
            ("Gold\n\nThe mine produced 41 tonnes of gold, versus 38 tonnes a year earlier.", "2023-04-27", "38 tonnes", "2022"),
            // A time compared that names its year is that year.
            ("Results\n\nRevenue reached 90 billion tenge against 75 billion tenge in 2021.", "2023-12-10", "75 billion tenge", "2021"),
            // The plan a figure is set against is of the figure's period.
            ("Бюджет\n\nВ 2025 году доходы составили 7,1 млрд сомони при плане 6,8 млрд сомони.", "2026-01-20", "6,8 млрд сомони", "2025"),
            ("Budget\n\nIn 2025 revenue reached 7.1 billion somoni against a plan of 6.8 billion somoni.", "2026-01-20", "6.8 billion somoni", "2025"),
            // A rank with no time of its own is of the period of the figure it ranks by.
            ("Output grows\n\nIndustrial output in Kazakhstan grew by 5% in January-September 2024, the bureau of statistics said.\n\nBy growth, Kostanay region came first with output up 9.1%.", "2024-10-20", "first", "2024-01/2024-09"),
            ("Рост\n\nЗа январь–сентябрь промышленное производство в Казахстане выросло на 5%. На первом месте – Костанайская область с ростом 9,1%.", "2024-10-20", "первом месте", "2024-01/2024-09"),
            // A word of telling dates the time right after it, never the next sentence's.
            ("Grain\n\nGrain exports fell last year to $1.2 billion, the ministry reported. In 2022 they had reached $1.6 billion.", "2024-04-10", "$1.6 billion", "2022"),
            // A time after a word that opens a cause dates the cause.
            ("Steel\n\nIn 2022 the works made 310,000 tonnes of steel after a new furnace started in March.", "2023-02-10", "310,000 tonnes", "2022"),
            ("Сталь\n\nВ 2022 году завод выпустил 310 тыс. тонн стали благодаря пуску печи в марте.", "2023-02-10", "310 тыс. тонн", "2022"),
            // `due to open` is a deadline, no cause.
            ("Plant\n\nThe 120 MW solar plant is due to open in 2026.", "2024-06-01", "120 MW", "2026"),
            ("Пересмотр\n\nОценка роста промышленности за 2023 год пересмотрена с 4,1% до 4,4%.", "2024-04-10", "4,1%", "2023"),
            ("Revision\n\nRetail sales for 2023 now stand at 410 billion soms, not the 402 billion soms published in February.", "2024-04-10", "402 billion soms", "2023"),
            ("Пересмотр\n\nРост экономики за 2023 год составил 5,6%, а не 5,2%, как сообщалось в январе.", "2024-04-10", "5,2%", "2023"),
            // A list's item takes the period of the figures that introduced the list, or
            // the time it is due at.
            ("Plans\n\nThe district plans to open five plants this year. They are:\n\n1. a dairy: 4 billion tenge, 90 jobs;\n2. a mill: 6 billion tenge, due in June.", "2025-03-04", "90 jobs", "2025"),
            ("Plans\n\nThe district plans to open five plants this year. They are:\n\n1. a dairy: 4 billion tenge, 90 jobs;\n2. a mill: 6 billion tenge, due in June.", "2025-03-04", "6 billion tenge", "2025-06"),
            ("Проекты\n\nВ этом году запустят три проекта:\n\n1. Завод – 5 млрд тенге, 70 рабочих мест, срок – октябрь.", "2025-03-04", "70 рабочих мест", "2025-10"),
            // Traffic in a report on part of a year is of that part, a day's average of now.
            ("Hub\n\nThe hub handled 3 million tonnes of cargo in January-June 2025, the akimat said.\n\nContainer traffic reached 41,000 TEU.", "2025-07-15", "41,000 TEU", "2025-01/2025-06"),
            ("Hub\n\nThe hub handled 3 million tonnes of cargo in January-June 2025, the akimat said.\n\nOn average 600 trucks crossed the border.", "2025-07-15", "600 trucks", "2025"),
            ("Hub\n\nThe hub handled 3 million tonnes of cargo in January-June 2025, the akimat said.\n\nThe town has 12,000 registered cars.", "2025-07-15", "12,000 registered cars", "2025"),
            // The time an agreement was signed in does not date what it promises.
            ("Deals\n\nIn June the government signed 30 agreements worth $2 billion.", "2026-01-10", "$2 billion", "-"),
            ("Deals\n\nIn June the government signed 30 agreements worth $2 billion for 2026-2028.", "2026-01-10", "$2 billion", "2026/2028"),
            // ... not the earlier state the lead sets its news against.
            ("Sales abroad\n\nThe province exported goods worth $80 million to its three neighbours in the first half of 2023, up from $61 million a year before.\n\nBuyers:\n- Russia: $30 million\n- China: $22 million", "2023-08-01", "$22 million", "2023-H1"),
            ("Sales abroad\n\nIn the first half of 2023 exports reached $80 million, compared with $61 million in the first half of 2022.\n\nBuyers:\n- Russia: $30 million\n- China: $22 million", "2023-08-01", "$22 million", "2023-H1"),
            // The year of the budget the front names dates its planned revenues and spending
            // in any paragraph; a span of budget years names none of them.
            ("Бюджет\n\nДепутаты утвердили бюджет области на 2025 год.\n\nРасходы на образование составят 120 млрд тенге.", "2024-12-10", "120 млрд тенге", "2025"),
            ("Budget\n\nDeputies approved the region's budget for 2025.\n\nSpending on schools will reach 40 billion tenge.", "2024-12-10", "40 billion tenge", "2025"),
            ("Бюджет\n\nДепутаты утвердили бюджет области на 2025–2027 годы.\n\nРасходы на образование составят 120 млрд тенге.", "2024-12-10", "120 млрд тенге", "-"),
            // A Russian clause set against the one before (`, а`, `, тогда как`) keeps its
            // time to itself.
            ("Зона\n\nВ зоне работают 28 участников, а общий объём инвестиций с момента её создания в 2005 году превысил 200 млрд тенге.", "2021-03-01", "28 участников", "2021"),
            ("Парк\n\nВ парке работают 35 компаний, тогда как объём инвестиций с момента его открытия в 2012 году превысил 90 млрд тенге.", "2021-03-01", "35 компаний", "2021"),
            // A day after the document's date is when a plan is to happen; a day before it
            // is when something was said.
            ("Schools\n\nNine new schools will open in the city on September 1, the akimat said.", "2025-08-14", "Nine new schools", "2025-09-01"),
            ("Schools\n\nThe akimat said on August 4 that nine new schools were opened this year.", "2025-08-14", "nine new schools", "2025"),
            // A span of months the lead says its news is of dates the undated figures of
            // later paragraphs; a year said the same way, or a span to date, does not.
            ("Exports\n\nFirms of the district exported goods worth $40 million in January-September 2021, the akimat said.\n\nFruit made up $12 million.", "2021-10-20", "$12 million", "2021-01/2021-09"),
            ("Exports\n\nFirms of the district exported goods worth $40 million in 2020, the akimat said.\n\nFruit made up $12 million.", "2021-10-20", "$12 million", "2021"),
            ("Exports\n\nSince the start of the year firms of the district exported goods worth $40 million, the akimat said.\n\nFruit made up $12 million.", "2021-10-20", "$12 million", "2021"),
            ("Exports\n\nFirms of the district exported goods worth $40 million in January-September 2021, the akimat announced.\n\nFruit made up $12 million.", "2021-10-20", "$12 million", "2021-01/2021-09"),
            // A Russian lead that opens on a span of months (past a dateline) dates what later
            // paragraphs made, traded or grew in it; a figure said to stand now does not take it,
            // nor does a span said later in the lead.
            ("Промышленность\n\nТАРАЗ, 12 октября. За январь–сентябрь 2023 года предприятия области выпустили продукции на 900 млрд тенге.\n\nВыпуск сахара составил 40 тыс. тонн.", "2023-10-12", "40 тыс. тонн", "2023-01/2023-09"),
            ("Промышленность\n\nТАРАЗ, 12 октября. За январь–сентябрь 2023 года предприятия области выпустили продукции на 900 млрд тенге.\n\nСейчас на заводе работают 800 человек, средняя зарплата составляет 350 тыс. тенге.", "2023-10-12", "350 тыс. тенге", "2023"),
            ("Промышленность\n\nАким области провёл встречу с жителями. За январь–сентябрь 2023 года предприятия выпустили продукции на 900 млрд тенге.\n\nВ экспорт отправлено 40 тыс. тонн сахара.", "2023-10-12", "40 тыс. тонн", "2023"),
            // In a report on part of a year, wages paid and goods made or traded in it are
            // of that part; a stock is not.
            ("Wages\n\nThe average wage in the region reached 310,000 tenge in the second quarter of 2023, the statistics department reported.\n\nIn mining it was 520,000 tenge.", "2023-08-20", "520,000 tenge", "2023-Q2"),
            ("Exports\n\nThe region exported goods worth $90 million in January-September 2023, the statistics department reported.\n\nFlour made up 45 thousand tonnes.", "2023-10-20", "45 thousand tonnes", "2023-01/2023-09"),
            // The day a change takes effect dates it (`From July 1, ... will rise`).
            ("Tariffs\n\nFrom July 1, the tariff for gas will increase by 12.5 percent to 48.2 tenge per cubic meter.", "2024-05-20", "12.5 percent", "2024-07-01"),
            ("Tariffs\n\nFrom July 1, the tariff for gas will increase by 12.5 percent to 48.2 tenge per cubic meter.", "2024-05-20", "48.2 tenge", "2024-07-01"),
            // A time set against the figure (`against ... last year`) is the other figure's,
            // and carries to no later sentence.
            ("Harvest\n\nThe average yield is 16.1 centners per hectare, against 12.4 centners last year, when a drought cut the crop. Zhambyl district has collected 640 thousand tonnes.", "2023-10-12", "16.1 centners", "2023"),
            ("Harvest\n\nThe average yield is 16.1 centners per hectare, against 12.4 centners last year, when a drought cut the crop. Zhambyl district has collected 640 thousand tonnes.", "2023-10-12", "12.4 centners", "2022"),
            ("Harvest\n\nThe average yield is 16.1 centners per hectare, against 12.4 centners last year, when a drought cut the crop. Zhambyl district has collected 640 thousand tonnes.", "2023-10-12", "640 thousand tonnes", "2023"),
            // A span named once carries through its paragraph.
            ("Results\n\nIn January-May, output grew 4 percent. Exports rose 9 percent.", "2024-06-20", "9 percent", "2024-01/2024-05"),
            // The period a document reports on: by a back reference, over a span to date,
            // and for every undated figure when the year reported on is over.
            ("Governor reports\n\nThe governor reported on the results for January-July 2023.\n\nThe region launched 6 projects in the reporting period.", "2023-08-20", "6 projects", "2023-01/2023-07"),
            ("Minister reports\n\nThe minister presented a report on the work of the ministry for 10 months of 2020.\n\nIndustry has grown by 3.2% since the beginning of the year.", "2020-11-26", "3.2%", "2020-01/2020-10"),
            ("Governor reports\n\nThe governor presented a report on the work done in 2021.\n\nHousing commissioning rose by 8 percent.", "2022-02-21", "8 percent", "2021"),
            ("Governor reports\n\nThe governor presented a report on the work done in 2021.\n\nIn February, 3 schools opened.", "2022-03-21", "3 schools", "2022-02"),
            // Early in a year, a lead dated to the year just ended sums that year up; an
            // undated result later in the text belongs to it, a plan's time does not.
            ("City results\n\nThe city's output rose 4.1% over the year, the mayor said on Monday.\n\nBuilders put up 900,000 square meters of housing.", "2025-01-21", "900,000 square meters", "2024"),
            ("City results\n\nThe city's output rose 4.1% last year.\n\nA tram line will open next year. The line has already cost 90 million dollars.", "2025-02-11", "90 million dollars", "2024"),
            ("City results\n\nThe city's output rose 4.1% last year.\n\nBuilders put up 900,000 square meters of housing.", "2025-09-11", "900,000 square meters", "2025"),
            // A time that is all its clause says opens the clause after it.
            ("Housing\n\nThe plan for this year is 2 million square meters, and by 2029, 12 million square meters will be built.", "2025-05-10", "12 million square meters", "2029"),
            // In a report on part of a year, an undated growth rate, share or money that
            // flows in it is of that part; an undated stock is not.
            ("Output in Naryn region from January through April 2023 reached 9 billion soms, the agency reports.\n\nThe regional budget received 2.1 billion soms in taxes. Mining made up 41% of output. The region has 420 schools.", "2023-05-20", "2.1 billion soms", "2023-01/2023-04"),
            ("Output in Naryn region from January through April 2023 reached 9 billion soms, the agency reports.\n\nThe regional budget received 2.1 billion soms in taxes. Mining made up 41% of output. The region has 420 schools.", "2023-05-20", "41%", "2023-01/2023-04"),
            ("Output in Naryn region from January through April 2023 reached 9 billion soms, the agency reports.\n\nConstruction grew 3.1 percent. The region has 420 schools.", "2023-05-20", "3.1 percent", "2023-01/2023-04"),
            ("Output in Naryn region from January through April 2023 reached 9 billion soms, the agency reports.\n\nConstruction grew 3.1 percent. The region has 420 schools.", "2023-05-20", "420 schools", "2023"),
            // A year's plan with no year of its own is for the document's year; a plan
            // with neither is undated.
            ("Taraz budget\n\nThe annual revenue plan of the city is 40 billion tenge.", "2024-05-20", "40 billion tenge", "2024"),
            ("Housing\n\nThe plan for the whole year is to commission 90 thousand square meters.", "2024-05-20", "90 thousand square meters", "2024"),
            ("Housing\n\nThe city plans to commission 90 thousand square meters.", "2024-05-20", "90 thousand square meters", "-"),
            // Past and coming spans count the current year.
            ("Review\n\nOver the past three years, the region built 40 schools.", "2025-05-10", "40 schools", "2023/2025"),
            ("Plans\n\nIn the nearest two years, the city plans to build 12 schools.", "2025-05-10", "12 schools", "2025/2026"),
            // The states of a change over a span stand at its ends.
            ("Review\n\nOver the past eight years, coverage has risen from 20% to 70%.", "2025-05-10", "20%", "2017"),
            ("Review\n\nOver the past eight years, coverage has risen from 20% to 70%.", "2025-05-10", "70%", "2025"),
            // `now`, `as of today`: the document's year.
            ("News\n\nAs of today, 5,000 people are covered by the programme.", "2021-10-27", "5,000 people", "2021"),
            // A plan takes the deadline of the sentence before it, else none.
            ("Water\n\nBy the end of 2026, the region plans to solve the water problem. Eight projects worth 14 billion tenge will be carried out for this purpose.", "2025-03-05", "Eight projects", "2026"),
            ("Jobs\n\nThe projects under way will create 3,000 jobs.", "2025-03-05", "3,000 jobs", "-"),
            // ... a deadline of its own sentence first, and none in a future left undated.
            ("Town\n\nThe town will grow to 9,000 hectares by 2030, and its population will make 150,000 people.", "2023-09-20", "150,000 people", "2030"),
            ("Dams\n\nFour small dams will be built in 2025. In the future, it is planned to build another 12 dams.", "2025-05-20", "12 dams", "-"),
            ("Dams\n\nFour small dams will be built in 2025. In the long term, the region intends to add 12 dams.", "2025-05-20", "12 dams", "-"),
            // A sentence stating a plan without figures dates the plan of the next one.
            ("Cars\n\nA car plant is planned to be opened by Arman Motors this year. The project is to create 400 jobs.", "2023-01-09", "400 jobs", "2023"),
            // Where a plan starts is where things stand now, unless its span says when.
            ("Mine\n\nUnder the project, ore output will rise from 12 to 15 million tons.", "2019-02-20", "12", "2019"),
            ("Mine\n\nIn 2021-2025, ore output will rise from 12 to 15 million tons.", "2019-02-20", "12", "2020"),
            // `now` is the document's year; the date of a founding told aside is not the
            // period of what the thing does now.
            ("Zone\n\nParticipants invested 46 billion tenge in 2022, and the zone now has 24 participants.", "2023-01-20", "24 participants", "2023"),
            // `change on` and `index to` a span name the base a figure is compared with.
            ("Grain\n\nGrain by district (thousand tonnes; change on January-September 2022):\nAksu – 120.5 (-3.2%)\nBurabay – 98.0 (+4.4%)", "2022-10-20", "+4.4%", "2022"),
            ("Output\n\nIndustry grew 9% in the first half of 2023, the statistics agency reported.\n\nOutput by district (index to January-June 2022):\nAksu – 12.5 (108.1%)", "2023-08-01", "108.1%", "2023-H1"),
            // A Russian release that a statistics body reports reports every figure for its span.
            ("Промышленность\n\nКомитет по статистике сообщает, что в январе–июне 2024 года выпуск продукции вырос на 5%.\n\nДоля обрабатывающей промышленности составила 80%.", "2024-07-20", "80%", "2024-01/2024-06"),
            // A part of the total told before holds for the total's period.
            ("Exports\n\nFarms of the region exported goods worth $900 million in January-June 2024, the ministry said. Aksu district accounted for $200 million of the total.", "2024-07-20", "$200 million", "2024-01/2024-06"),
            // A clause opened by `when` is of the time just before it, a comparison's too.
            ("Мёд\n\nПасеки района дали 90 тонн мёда, вдвое больше, чем в 2019 году, когда собрали 45 тонн.", "2021-09-01", "45 тонн", "2019"),
            ("Honey\n\nThe district's apiaries gave 90 tonnes of honey, twice as much as in 2019, when they gathered 45 tonnes.", "2021-09-01", "45 tonnes", "2019"),
            ("Honey\n\nThe district's apiaries gave 90 tonnes of honey, twice as much as in 2019, when they gathered 45 tonnes.", "2021-09-01", "90 tonnes", "2021"),
            ("Бизнес\n\nВо втором квартале в районе открыли 12 цехов. Сейчас в районе работают 340 предприятий.", "2024-08-10", "340 предприятий", "2024"),
            ("Plant\n\nThe wire plant, launched last year, produces 25,000 tons of wire per year.", "2023-06-10", "25,000 tons", "2023"),
            ("Hotels\n\nIn Turkistan, seven hotels opened last year, and the city received 1.1 million tourists.", "2023-06-10", "1.1 million tourists", "2022"),
            // A capacity a year holds for a year, not for the month a plant opened in.
            ("Plant\n\nIn February, a plant opened with a capacity of 20,000 tons a year.", "2021-12-28", "20,000 tons", "2021"),
            // A plan said for next year dates no result that follows it.
            ("Heating\n\nThe city has laid 30 km of pipes since the beginning of the year and plans 20 km more next year. About 2,000 homes were connected to gas.", "2022-11-05", "2,000 homes", "2022-01/2022-11"),
            // The time of a figure set against another (`while ...`) is that figure's.
            ("Economy\n\nRetail trade grew 6.2%, while prices rose 8.1% in December.", "2024-01-25", "6.2%", "2024"),
            // The time of a plan told after the figure's own predicate is the plan's.
            ("Mine\n\nThe mine employs some 900 workers and will reach full output in 2027.", "2025-04-01", "900 workers", "2025"),
            // The earlier state compared with a year before is the same span a year before.
            ("Exports\n\nSince the beginning of the year, exports reached 2 billion dollars, the ministry reported.\n\nCompared with the same period of last year, the share of grain rose from 12 percent to 15 percent.", "2023-06-20", "12 percent", "2022-01/2022-06"),
            ("Exports\n\nSince the beginning of the year, exports reached 2 billion dollars, the ministry reported.\n\nCompared with the same period of last year, the share of grain rose from 12 percent to 15 percent.", "2023-06-20", "15 percent", "2023-01/2023-06"),
            ("Prices\n\nInflation eased to 7.5% in December from 11.2% a year earlier.", "2024-01-25", "11.2%", "2022-12"),
            // `in the same period`: with no report period, the period of the figure before.
            ("Port\n\nThe port handled 3 million tonnes in the first half of 2022, the akimat said.\n\nTransit grew twofold in the same period.", "2022-07-20", "twofold", "2022-H1"),
            // Under a report on the year just ended, what has been done up to now, or
            // stands now, is of the document's year.
            ("City results\n\nThe city's economy grew 5 percent last year.\n\nA Turkish company has started building a glass plant worth 90 million dollars.", "2024-02-10", "90 million dollars", "2024"),
            ("City results\n\nThe city's economy grew 5 percent last year.\n\nThe farm already sells 40 tonnes of fruit a week.", "2024-02-10", "40 tonnes", "2024"),
            ("City results\n\nThe city's economy grew 5 percent last year.\n\nBuilders put up 900,000 square meters of housing.", "2024-02-10", "900,000 square meters", "2023"),
            // The time of a plan in a clause after a comma and `and`, with a subject of its
            // own, is that plan's, not the time of the work under way before it.
            ("Resorts\n\nThree hotels with 900 beds are being built on the coast, and the city airport will open 10 new routes next summer.", "2025-09-01", "900 beds", "2025"),
            // A counted span after a superlative measures a record, not the figure; a named
            // year there is the figure's.
            ("Rice\n\nFarmers gathered 410,000 tonnes of rice, the highest in six years.", "2023-10-01", "410,000 tonnes", "2023"),
            ("Rice\n\nThe rice harvest, 410,000 tonnes, was the highest in 2022.", "2023-10-01", "410,000 tonnes", "2022"),
            // A colon opens what the record was: the span after it is the figure's.
            ("Resorts\n\nThe season closed with a record: from June to August the lake received 300,000 tourists.", "2023-09-10", "300,000 tourists", "2023-06/2023-08"),
            ("Урожай\n\nВесной в районе засеяли 80 тыс. гектаров пшеницы.", "2021-09-20", "80 тыс. гектаров", "2021-03/2021-05"),
            // The results and targets of a programme the front sums up once it is over, with
            // no time of their own, are of its whole span; a year inside it said of another
            // figure does not date them.
            ("Roads programme for 2019-2023 met its targets\n\nThe ministry summed up the roads programme for 2019-2023 on Monday.\n\nIn 2023 builders laid 900 km of roads. The programme aimed to rebuild 4,000 km of roads; 4,300 km were rebuilt.", "2024-02-10", "4,000 km", "2019/2023"),
            ("Roads programme for 2019-2023 met its targets\n\nThe ministry summed up the roads programme for 2019-2023 on Monday.\n\nIn 2023 builders laid 900 km of roads. The programme aimed to rebuild 4,000 km of roads; 4,300 km were rebuilt.", "2024-02-10", "4,300 km", "2019/2023"),
            ("Roads programme for 2019-2023 met its targets\n\nThe ministry summed up the roads programme for 2019-2023 on Monday.\n\nIn 2023 builders laid 900 km of roads. The programme aimed to rebuild 4,000 km of roads; 4,300 km were rebuilt.", "2024-02-10", "900 km", "2023"),
            ("Итоги программы\n\nМинистерство подвело итоги программы на 2019–2023 годы.\n\nПостроено 120 школ при плане 100.", "2024-02-10", "120 школ", "2019/2023"),
            // What a programme still running has done so far is of the years it has run;
            // what stands now, of the document's year; what it plans, of its whole span.
            ("Plan half done\n\nThe development plan of the region for 2022-2026 is 45% complete, the akimat said at a mid-term review.\n\nThe plan set 80 targets. So far 36 targets have been met, and 20 targets are under way.", "2024-06-01", "36 targets", "2022/2024"),
            ("Plan half done\n\nThe development plan of the region for 2022-2026 is 45% complete, the akimat said at a mid-term review.\n\nThe plan set 80 targets. So far 36 targets have been met, and 20 targets are under way.", "2024-06-01", "80 targets", "2022/2026"),
            ("Plan half done\n\nThe development plan of the region for 2022-2026 is 45% complete, the akimat said at a mid-term review.\n\nThe region now has 900 km of new pipes.", "2024-06-01", "900 km", "2024"),
            // An audit of a programme that is over dates its undated results with its span,
            // but not what still stands.
            ("Audit of water programme\n\nThe Accounts Chamber audited the water programme for 2019-2021.\n\nAuditors found 40 million soms misused. Residents of 9 villages still carry water.", "2022-05-10", "40 million soms", "2019/2021"),
            ("Audit of water programme\n\nThe Accounts Chamber audited the water programme for 2019-2021.\n\nAuditors found 40 million soms misused. Residents of 9 villages still carry water.", "2022-05-10", "9 villages", "2022"),
            // The money allocated that spending is measured against is of the spending's
            // time, the year the document reports on.
            ("Roads in 2023\n\nIn 2023 the region repaired 900 km of roads.\n\nOf the 70 billion tenge allocated from the budget, 64 billion tenge was spent.", "2024-02-10", "70 billion tenge", "2023"),
            // A date moved to is the new deadline of what its clause, and the clauses before
            // that tell nothing done, counted; a quarter moved to is ahead, not last year's.
            ("Plants\n\nA glass plant in Kentau, promised for 2023 at a cost of 40 billion tenge, has been rescheduled to 2025.", "2024-03-01", "40 billion tenge", "2025"),
            ("Plants\n\nOf the 60 projects, 48 were commissioned, and 12 have been moved to 2025.", "2024-03-01", "12", "2025"),
            ("Plants\n\nThe 300-bed hospital was due in June but is now scheduled for the fourth quarter.", "2024-03-01", "300-bed", "2024-Q4"),
            ("Заводы\n\nЗапуск завода стоимостью 30 млрд тенге перенесён на 2026 год.", "2024-03-01", "30 млрд тенге", "2026"),
            ("Plants\n\nThe 40 billion tenge second line was postponed until 2026.", "2024-03-01", "40 billion tenge", "2026"),
            ("Plants\n\nA dairy in Shu district (cost 9 billion tenge, 140 jobs) has been rescheduled to 2026.", "2024-03-01", "9 billion tenge", "2026"),
            ("Заводы\n\nНе запущены три проекта, в том числе завод стоимостью 12 млрд тенге: его запуск перенесён на 2026 год.", "2024-03-01", "12 млрд тенге", "2026"),
            // A plan a result is measured against is dated as the result.
            ("Итоги года\n\nВ 2023 году в районе построено 12 школ. Вместо запланированных 900 рабочих мест создано 640.", "2024-02-10", "900 рабочих мест", "2023"),
            // Not a figure of another subject, nor one with a time of its own.
            ("Trade\n\nExports rose by 12% in 2023, while the opening of the new grain terminal was moved to 2025.", "2024-03-01", "12%", "2023"),
            ("Air\n\nThe airport handled 4.5 million passengers in 2023, and the new terminal, costing $200 million, is now expected in 2026.", "2024-03-01", "4.5 million passengers", "2023"),
            ("Air\n\nThe airport handled 4.5 million passengers in 2023, and the new terminal, costing $200 million, is now expected in 2026.", "2024-03-01", "$200 million", "2026"),
            // A programme not yet begun dates nothing.
            ("Roads programme\n\nThe ministry presented the results it expects of the roads programme for 2025-2027.\n\nLast month builders rebuilt 80 km of roads.", "2024-02-10", "80 km", "2024-01"),
        ],
        |f| or_dash(f.period.map(|p| p.to_string()).as_deref()),
    );
}

#[test]
fn a_sentence_about_the_works_a_story_follows() {
    let cases = [
        ("The mill employs 700 people.", true),
        ("Its revenue reached 3 billion tenge.", true),
        ("Since then the farm has tripled its herd.", true),
        ("\"We sold 900 tonnes,\" says the farmer.", true),
        ("На предприятии работают 45 человек.", true),
        ("Фабрика выпустила 2 млн метров ткани.", true),
        ("Over 900 new jobs were created last year.", false),
        ("Экспорт IT-компаний вырос на 40%.", false),
        ("Десятки заводов закрылись.", false),
        ("Сельское хозяйство выросло на 3%.", false),
        ("Заводы выпустили 300 тыс. тонн цемента.", false),
        ("Число хозяйствующих субъектов выросло на 5%.", false),
        ("IT exports grew to $50 million.", false),
        ("It is planned to create 300 jobs.", false),
        ("The farm sector produced 4 million tonnes of grain.", false),
        ("\"We will create 5,000 jobs,\" the akim said.", false),
    ];
    for (sentence, want) in cases {
        assert_eq!(
            super::subject::about_the_works(sentence, 0..sentence.len()),
            want,
            "{sentence}"
        );
    }
}

#[test]
fn status_of() {
    check(
        &[
            // The projects whose parts a sentence tells done or not are the pool it
            // measures; not a total of what was done, nor projects run or examined.
            ("Map\n\nOf the 40 projects on the city's map, 25 were commissioned and 15 are under construction.", "2024-07-10", "40 projects", "planned"),
            ("Map\n\nSix of the 20 projects in the zone have been launched this year.", "2024-07-10", "20 projects", "planned"),
            ("Итоги\n\nИз 52 проектов карты запущено 30.", "2024-07-10", "52 проектов", "planned"),
            ("Zone\n\nForeign firms now run 12 of the 40 projects in the zone.", "2024-07-10", "40 projects", "actual"),
            ("Audit\n\nNine of the 30 projects we examined had no permits, the commission's head said.", "2024-07-10", "30 projects", "actual"),
            ("Map\n\nOf the 30 projects completed in 2023, 25 already work at full capacity.", "2024-07-10", "30 projects", "actual"),
            // The money allocated whose spending the sentence tells is the plan it is
            // measured against, of the time the spending is.
            ("Roads\n\nOf the 70 billion tenge allocated for roads in 2023, 64 billion tenge was spent.", "2024-02-10", "70 billion tenge", "planned"),
            ("Roads\n\nOf the 70 billion tenge allocated for roads in 2023, 64 billion tenge was spent.", "2024-02-10", "64 billion tenge", "actual"),
            ("Roads\n\nIn 2023 the city repaired 90 km of streets. Of the 70 billion tenge allocated for roads, 64 billion tenge was spent.", "2024-02-10", "70 billion tenge", "planned"),
            ("Roads\n\nIn 2023 the region received 70 billion tenge allocated for roads.", "2024-02-10", "70 billion tenge", "actual"),
            // A plan set against a figure after `instead of` is that one's alone.
            ("Jobs\n\nThe district created 1,900 jobs in 2023 instead of the planned 2,400.", "2024-02-10", "1,900 jobs", "actual"),
            ("Jobs\n\nThe district created 1,900 jobs in 2023 instead of the planned 2,400.", "2024-02-10", "2,400", "planned"),
            // A plan's participle inside a figure or right after it, or `instead of` before
            // it, makes that figure the plan, and reaches no other figure; what the planned
            // things cost is planned with them.
            ("Water\n\nOf the 30 planned villages, 27 now have piped water.", "2024-02-10", "30 planned villages", "planned"),
            ("Water\n\nOf the 30 planned villages, 27 now have piped water.", "2024-02-10", "27", "actual"),
            ("Вода\n\nИз 30 запланированных сёл вода подана в 27.", "2024-02-10", "30 запланированных сёл", "planned"),
            ("Вода\n\nИз 30 запланированных сёл вода подана в 27.", "2024-02-10", "27", "actual"),
            ("Проекты\n\nИз 200 запланированных проектов стоимостью 9 трлн сумов запущены 150.", "2024-02-10", "9 трлн сумов", "planned"),
            ("Jobs\n\nThe district created 1,700 jobs in 2023 against 2,000 planned.", "2024-02-10", "2,000", "planned"),
            ("Jobs\n\nThe district created 1,700 jobs in 2023 against 2,000 planned.", "2024-02-10", "1,700 jobs", "actual"),
            ("Jobs\n\nThe district created 1,700 jobs in 2023 against 1,500 a year earlier.", "2024-02-10", "1,500", "actual"),
            ("Дороги\n\nВместо 150 км отремонтировано 138 км.", "2024-02-10", "150 км", "planned"),
            ("Дороги\n\nВместо 150 км отремонтировано 138 км.", "2024-02-10", "138 км", "actual"),
            ("Roads\n\nThe city repaired 138 km of streets instead of 150 km.", "2024-02-10", "150 km", "planned"),
            // Not a share of the plan, planned things done, the verb, nor a rate set against
            // an earlier one.
            ("Работы\n\nВыполнено 95% запланированных работ.", "2024-02-10", "95%", "actual"),
            ("Schools\n\nAll 12 planned schools were completed in 2023.", "2024-02-10", "12 planned schools", "actual"),
            ("Школы\n\nВ 2023 году введены в строй все 14 запланированных школ.", "2024-02-10", "14 запланированных школ", "actual"),
            ("Prices\n\nInflation slowed to 9.1% instead of 12.4% in 2022.", "2024-02-10", "12.4%", "actual"),
            // The share of an expected amount reached is achieved.
            ("Cotton\n\nFarmers have picked 200 thousand tonnes, or 55% of the expected harvest.", "2024-10-01", "55%", "actual"),
            // What a task names is a plan.
            ("Plans\n\nThe ministry's task is growth of at least 4% this year.", "2025-02-01", "4%", "planned"),
            // What signed deals come to is a promise; how many were signed is done.
            ("Forum\n\nAt the forum 12 agreements worth $900 million were signed. Firm contracts account for $310 million of the total.", "2024-05-20", "$310 million", "planned"),
            ("Форум\n\nНа форуме в Оше подписаны соглашения на $450 млн.", "2024-05-20", "$450 млн", "planned"),
            ("Форум\n\nНа форуме подписано 12 документов. Твёрдыми контрактами из них являются четыре документа на $120 млн.", "2024-05-20", "$120 млн", "planned"),
            ("Форум\n\nНа форуме подписано 12 документов. Твёрдыми контрактами из них являются четыре документа на $120 млн.", "2024-05-20", "12 документов", "actual"),
            ("Контракты\n\nВ прошлом году исполнено 40 контрактов на $75 млн.", "2024-05-20", "$75 млн", "actual"),
            ("Контракты\n\nВ прошлом году реализованы соглашения на $75 млн.", "2024-05-20", "$75 млн", "actual"),
            ("Контракты\n\nОбъём поставок по контрактам вырос на $30 млн.", "2024-05-20", "$30 млн", "actual"),
            ("Contracts\n\nLast year completed contracts accounted for $75 million.", "2024-05-20", "$75 million", "actual"),
            // A past predicate after `and` tells what became of a promise.
            ("Schools\n\n\"We promised 10 clinics for 2023 and opened 12,\" the mayor said.", "2024-01-20", "12", "actual"),
            ("Schools\n\n\"We promised 10 clinics for 2023 and opened 12,\" the mayor said.", "2024-01-20", "10 clinics", "planned"),
            // The amount a plan is of, right after its noun, is planned; how far it was met
            // is achieved, and a multiple of it says how much was done.
            ("Жильё\n\nЗа девять месяцев введено 3,1 млн кв. м. Годовой план в 4,2 млн кв. м выполнен на 74%.", "2024-10-15", "4,2 млн кв. м", "planned"),
            ("Жильё\n\nЗа девять месяцев введено 3,1 млн кв. м. Годовой план в 4,2 млн кв. м выполнен на 74%.", "2024-10-15", "74%", "actual"),
            ("Roads\n\nBuilders have repaired 310 km, and the annual plan of 420 km is 74% done.", "2024-10-15", "420 km", "planned"),
            ("Зерно\n\nХозяйства перевыполнили план в 1,2 раза.", "2024-10-15", "1,2 раза", "actual"),
            ("Housing\n\nIn nine months the city commissioned 1.1 million sq m. The annual plan of 1.5 million sq m was 73% fulfilled.", "2024-10-15", "1.5 million sq m", "planned"),
            ("Сено\n\nХозяйства выполнили план в 6 районах из 11.", "2024-10-15", "6 районах", "actual"),
            // Tasks set for a year are plans, in the plural as in the singular.
            ("Задачи\n\nНа 2025 год поставлены задачи привлечь 400 млрд тенге инвестиций и создать 9 тыс. рабочих мест.", "2025-02-10", "400 млрд тенге", "planned"),
            // What was promised is a plan; what the figure's own past predicate says came
            // of it is achieved.
            ("Promises\n\nOf the 30 enterprises promised, 21 were launched.", "2026-01-20", "30 enterprises", "planned"),
            ("Promises\n\nThe governor's new promise for 2026: 9,000 jobs.", "2026-01-20", "9,000 jobs", "planned"),
            ("Promises\n\nThe jobs promise fell short: 4,100 new jobs were created.", "2026-01-20", "4,100 new jobs", "actual"),
            ("Обещания\n\nГод назад аким обещал открыть 12 новых заводов.", "2026-01-20", "12 новых заводов", "planned"),
            ("Кредиты\n\nЗаёмщики обязались создать 800 рабочих мест.", "2026-01-20", "800 рабочих мест", "planned"),
            ("Заводы\n\nПосле запуска линии появятся ещё 300 рабочих мест.", "2026-01-20", "300 рабочих мест", "planned"),
            // A target told once its time has passed, what a programme provides for, and a
            // figure called planned or a target right before it are plans; a participle
            // after a comma ends the phrase before.
            ("Exports\n\nSales abroad were meant to reach $400 million in 2024 but came to $310 million.", "2025-02-01", "$400 million", "planned"),
            ("Exports\n\nSales abroad were meant to reach $400 million in 2024 but came to $310 million.", "2025-02-01", "$310 million", "actual"),
            ("Parks\n\nOnly 12 of the planned 20 industrial parks were opened.", "2025-02-01", "20 industrial parks", "planned"),
            ("Parks\n\nOf the 20 parks the programme promised, 12 were opened.", "2025-02-01", "12", "actual"),
            ("Программа\n\nПрограмма на 2026–2030 годы предусматривает создание 40 тыс. рабочих мест.", "2026-02-01", "40 тыс. рабочих мест", "planned"),
            ("Программа\n\nОткрыто 31 тыс. рабочих мест, хотя программа предусматривала 40 тыс.", "2026-02-01", "40 тыс", "planned"),
            ("Программа\n\nЭкспорт вырос в 1,4 раза при плановом росте в 1,3 раза.", "2026-02-01", "1,3 раза", "planned"),
            ("Программа\n\nЭкспорт вырос в 1,4 раза при плановом росте в 1,3 раза.", "2026-02-01", "1,4 раза", "actual"),
            ("Программа\n\nДоля переработки выросла до 41%, но не дотянула до целевых 50%.", "2026-02-01", "50%", "planned"),
            // Construction that is over is no work under way; a figure set against a target
            // is achieved, the target planned.
            ("Опреснение\n\nВ Актау завершено строительство опреснительной установки мощностью 30 тыс. кубометров в сутки.", "2024-07-10", "30 тыс. кубометров", "actual"),
            ("Хлопок\n\nВ 2025 году внутри страны переработано 40% хлопка при цели 60%.", "2026-02-01", "40%", "actual"),
            ("Хлопок\n\nВ 2025 году внутри страны переработано 40% хлопка при цели 60%.", "2026-02-01", "60%", "planned"),
            // What an approved programme, budget or set of projects holds is to come; loans
            // approved and support approved for projects are not.
            ("Zone\n\nThe akimat has approved 9 projects worth 40 billion tenge for the industrial zone.", "2024-05-20", "9 projects", "planned"),
            ("Budget\n\nFor next year the council has approved revenues of 80 billion tenge.", "2024-05-20", "80 billion tenge", "planned"),
            ("Support\n\nSubsidies were approved for 50 projects of farmers this year.", "2024-05-20", "50 projects", "actual"),
            ("Loans\n\nThis year banks approved loans worth 90 billion tenge for 400 projects.", "2024-05-20", "400 projects", "actual"),
            // The future of a perfective verb states a plan; its past does not.
            ("Займы\n\nБанк выделит $40 млн на ремонт дорог области.", "2024-05-20", "$40 млн", "planned"),
            ("Займы\n\nБанк выделил $40 млн на ремонт дорог области.", "2024-05-20", "$40 млн", "actual"),
            ("Интервью\n\n«В этом году создадим 5 тысяч рабочих мест», – сказал аким.", "2024-05-20", "5 тысяч рабочих мест", "planned"),
            // A pool or portfolio of projects is planned whatever verb holds it; a bank's
            // portfolio of loans is its book.
            ("Projects\n\nThe region has a pool of 30 investment projects worth 200 billion tenge.", "2024-05-20", "30 investment projects", "planned"),
            ("Loans\n\nThe bank's portfolio of loans to farmers grew to 90 billion tenge.", "2024-05-20", "90 billion tenge", "actual"),
            // One loan or grant a lender approves or signs is money still to flow; loans
            // approved for many projects under a programme are achieved.
            ("Loans\n\nThe Eurasian Development Bank has approved a $60 million loan to rebuild a power plant in Ekibastuz.", "2024-05-20", "$60 million", "planned"),
            ("Займы\n\nБанк и правительство подписали соглашение о займе в $25 млн на ремонт школ.", "2024-05-20", "$25 млн", "planned"),
            ("Loans\n\nThis year banks approved loans worth 90 billion tenge for 400 projects.", "2024-05-20", "90 billion tenge", "actual"),
            // What a relative clause right after the figure says was due is a promise.
            ("Clinics\n\nOf the 8 clinics that were due to open in 2023, only three are ready.", "2024-05-20", "8 clinics", "planned"),
            ("Клиники\n\nИз 8 поликлиник, которые должны были открыться в 2023 году, готовы три.", "2024-05-20", "8 поликлиник", "planned"),
            // A figure set against a plan is achieved, the plan planned.
            ("Budget\n\nIn 2025 revenue reached 7.1 billion somoni against a plan of 6.8 billion somoni.", "2026-01-20", "7.1 billion somoni", "actual"),
            ("Budget\n\nIn 2025 revenue reached 7.1 billion somoni against a plan of 6.8 billion somoni.", "2026-01-20", "6.8 billion somoni", "planned"),
            ("Бюджет\n\nВ 2025 году доходы составили 7,1 млрд сомони при плане 6,8 млрд сомони.", "2026-01-20", "7,1 млрд сомони", "actual"),
            ("Бюджет\n\nВ 2025 году доходы составили 7,1 млрд сомони при плане 6,8 млрд сомони.", "2026-01-20", "6,8 млрд сомони", "planned"),
            // Instructions and tasks set are plans.
            ("Поручение\n\nПравительство поручило привлечь 19 трлн тенге инвестиций.", "2025-04-20", "19 трлн тенге", "planned"),
            ("Жильё\n\nНа 2026 год мэрия ставит задачу ввести 1,2 млн кв. метров жилья.", "2026-01-20", "1,2 млн кв. метров", "planned"),
            // An item of a list with no tense, cue or time of its own holds as the figures
            // that introduced the list; one due at a time still ahead is a plan; the answers
            // of an interview set with dashes are no list.
            ("Plans\n\nThe district plans to open five plants this year. They are:\n\n1. a dairy: 4 billion tenge, 90 jobs;\n2. a mill: 6 billion tenge, due in June.", "2025-03-04", "90 jobs", "planned"),
            ("Plans\n\nThe district plans to open five plants this year. They are:\n\n1. a dairy: 4 billion tenge, 90 jobs;\n2. a mill: 6 billion tenge, due in June.", "2025-03-04", "6 billion tenge", "planned"),
            // An item of a list of plans whose own time is not over yet is a plan too; one
            // whose time is past is done.
            ("Roads\n\nTwo projects are planned for 2025-2027:\n- a ring road: 22 km, 510 million somoni, ready in 2025;\n- a tunnel: 2 km, $60 million, ready in 2027.", "2025-03-04", "22 km", "planned"),
            ("Roads\n\nTwo projects were carried out:\n- a ring road: 22 km, 510 million somoni, ready in 2024;\n- a tunnel: 2 km, $60 million, ready in 2025.", "2025-03-04", "22 km", "actual"),
            ("Итоги\n\nВ 2024 году в районе открыли три цеха:\n\n1. швейный цех – 2 млрд тенге, 60 рабочих мест;\n2. пекарня – 1 млрд тенге.", "2025-03-04", "60 рабочих мест", "actual"),
            ("Проекты\n\nВ этом году запустят три проекта:\n\n1. Завод – 5 млрд тенге, 70 рабочих мест, срок – октябрь.", "2025-03-04", "70 рабочих мест", "planned"),
            // A lead with no colon still speaks for items that tell nothing of their own.
            ("Проекты\n\nВ 2025 году в районе планируется запустить три производства. Ниже их перечень.\n\n1. Молочный завод – 4 млрд тенге, 90 рабочих мест.\n2. Мельница – 6 млрд тенге.", "2025-03-01", "90 рабочих мест", "planned"),
            // A promise told in passing before a list of results is no lead of the list.
            ("Итоги\n\nВ начале года обещали ввести 12 школ, построено больше.\n\n1. Открыты 14 новых школ на 9 000 мест.\n2. Введены 23 детских сада.", "2023-12-27", "14 новых школ", "actual"),
            ("Interview\n\n- What did the year bring?\n- A dairy opened. The plant employs 90 people.\n- And next year?\n- We will build a mill. It cost 6 billion tenge.", "2025-03-04", "6 billion tenge", "actual"),
            // A workshop `введён в строй` is commissioned: `строй` is no work under way.
            ("Итоги\n\nВ районе введен в строй цех мощностью 20 млн бутылок в год.", "2022-01-20", "20 млн бутылок", "actual"),
            ("Итоги\n\nСтроится цех мощностью 20 млн бутылок в год.", "2022-01-20", "20 млн бутылок", "planned"),
            // What a plan is set against stands already; the target itself is planned.
            ("Plan\n\nBy 2027 exports are to reach $9 billion, against $6.2 billion in 2024.", "2025-02-01", "$6.2 billion", "actual"),
            ("Plan\n\nBy 2027 exports are to reach $9 billion, against $6.2 billion in 2024.", "2025-02-01", "$9 billion", "planned"),
            ("План\n\nК 2027 году доля вырастет до 20% против 14% в 2024 году.", "2025-02-01", "14%", "actual"),
            // How much of a plan was met is achieved; a founding told after `since` is no pool;
            // what stands today is achieved, though a plan is told beside it.
            ("Industry\n\nBy 2027 the share of processing should reach 45 percent, against 33 percent today.", "2024-07-20", "33 percent", "actual"),
            ("Refinery\n\nThe refinery processed 4 million tonnes this year, fulfilling its annual plan by 103%.", "2024-12-20", "103%", "actual"),
            ("Housing\n\nIn Taraz, 200 thousand square meters of housing were commissioned, which is 52% of the annual plan.", "2024-07-20", "52%", "actual"),
            ("Investment\n\nSince Abai region was formed in 2022, investors have put 900 billion tenge into its economy.", "2025-03-20", "900 billion tenge", "actual"),
            // A writer's `it should be noted` plans nothing.
            ("Industry\n\nIt should be noted that in January-May the plants produced goods worth 12 billion tenge.", "2024-07-20", "12 billion tenge", "actual"),
            // What a region counts on or expects to receive is a plan.
            (
                "Туризм\n\nВ этом году область рассчитывает принять 800 тыс. туристов.",
                "2024-03-01",
                "800 тыс. туристов",
                "planned",
            ),
            (
                "Plans\n\nThe region will build 12 schools.",
                "2024-03-01",
                "12 schools",
                "planned",
            ),
            (
                "Results\n\nThe region built 12 schools last year.",
                "2024-03-01",
                "12 schools",
                "actual",
            ),
            // `can` tells what a plant is able to do now; the plan of a zone that can bring
            // jobs stays a plan.
            ("Mill\n\nThe mill can spin 4,000 tonnes of cotton a year and employs 120 people.", "2024-02-01", "4,000 tonnes", "actual"),
            ("Mill\n\nThe mill can spin 4,000 tonnes of cotton a year and employs 120 people.", "2024-02-01", "120 people", "actual"),
            ("Zone\n\nThe zone can attract investors and create 2,000 jobs.", "2024-02-01", "2,000 jobs", "planned"),
            // A budget approved is a plan.
            ("Budget\n\nFor 2024, the maslikhat approved a budget of 450 billion tenge.", "2024-02-01", "450 billion tenge", "planned"),
            // The starting point of a plan is achieved.
            (
                "Mine\n\nUnder the project, ore output will rise from 12 to 15 million tons.",
                "2019-02-20",
                "12",
                "actual",
            ),
            (
                "Mine\n\nUnder the project, ore output will rise from 12 to 15 million tons.",
                "2019-02-20",
                "15 million tons",
                "planned",
            ),
            // However far its verb stands, and with a deadline after the second state or a
            // time of its own.
            (
                "Plan\n\nThe akim was told to raise the share of the district's roads in good \
                 repair from 61% to 80% by 2027.",
                "2024-02-20",
                "61%",
                "actual",
            ),
            (
                "Plan\n\nThe number of the region's tourist camps is to grow from 40 at the \
                 start of 2024 to 65 by 2028.",
                "2024-02-20",
                "40",
                "actual",
            ),
            // Parts of a planned whole told as done are done; what has yet to start is counted
            // as things stand; what was promised is a plan.
            (
                "Schools\n\nThe region is to build 90 schools by 2027. Of these, 61 have been \
                 completed.",
                "2024-06-01",
                "61",
                "actual",
            ),
            (
                "Мосты\n\nК 2026 году намечено построить 40 мостов. Из них полностью \
                 завершены 25.",
                "2024-06-01",
                "25",
                "actual",
            ),
            (
                "Plan\n\nThe district will carry out 90 measures by 2026. Of them, 61 are done \
                 and 29 have yet to start.",
                "2024-06-01",
                "29",
                "actual",
            ),
            (
                "Рабочие места\n\nОткрыто 310 рабочих мест вместо обещанных 350.",
                "2024-06-01",
                "350",
                "planned",
            ),
            // A pool presented or drawn up is planned, whatever the tense.
            (
                "Projects\n\nEleven projects worth $3 billion were presented to the president.",
                "2024-03-01",
                "Eleven projects",
                "planned",
            ),
            (
                "Projects\n\nA portfolio of 190 projects has been formed for 2024-2030.",
                "2024-03-01",
                "190 projects",
                "planned",
            ),
            // Work under way: what it counts is achieved, what it brings is still to come.
            (
                "Projects\n\n38 projects are being implemented with the creation of 3,700 jobs.",
                "2020-11-29",
                "38 projects",
                "actual",
            ),
            (
                "Projects\n\n38 projects are being implemented with the creation of 3,700 jobs.",
                "2020-11-29",
                "3,700 jobs",
                "planned",
            ),
            (
                "Housing\n\n66 apartment buildings are under construction.",
                "2023-06-05",
                "66 apartment buildings",
                "actual",
            ),
            // What a project told as a plan just before costs or brings is planned too.
            (
                "Plant\n\nThe company will build a tile plant near the city. The project is worth 6 billion tenge.",
                "2024-03-01",
                "6 billion tenge",
                "planned",
            ),
            (
                "Plant\n\nThe company opened a tile plant near the city last year. The project cost 6 billion tenge.",
                "2024-03-01",
                "6 billion tenge",
                "actual",
            ),
            // A result next to a plan told as another predicate keeps its own tense.
            (
                "Mine\n\nThe mine employs some 900 workers and will reach full output in 2027.",
                "2025-04-01",
                "900 workers",
                "actual",
            ),
            // The amount of an agreement is a promise, whatever the tense it was signed in;
            // what starts beside it is not.
            (
                "Deals\n\nGerman investors signed agreements worth $400 million, and three plants worth 20 billion tenge opened.",
                "2024-03-01",
                "$400 million",
                "planned",
            ),
            (
                "Deals\n\nGerman investors signed agreements worth $400 million, and three plants worth 20 billion tenge opened.",
                "2024-03-01",
                "three plants",
                "actual",
            ),
            (
                "Deals\n\nThe province and investors signed memoranda on 8 projects worth $90 million.",
                "2024-03-01",
                "$90 million",
                "planned",
            ),
            (
                "Сделки\n\nНа форуме подписано 12 меморандумов на сумму 40 млрд тенге.",
                "2024-03-01",
                "40 млрд тенге",
                "planned",
            ),
            (
                "Сделки\n\nЗаключены контракты на общую сумму 50 млн долларов.",
                "2024-03-01",
                "50 млн долларов",
                "planned",
            ),
            (
                "Сделки\n\nВ 2023 году исполнено 40 договоров на сумму 3 млрд тенге.",
                "2024-03-01",
                "3 млрд тенге",
                "actual",
            ),
            // What might have been is no plan; what a plant can produce is its capacity now.
            (
                "Budget\n\nThe city failed to spend 40 billion tenge that could have been invested in roads.",
                "2024-03-01",
                "40 billion tenge",
                "actual",
            ),
            (
                "Mills\n\nThe mills in the zone can produce up to 80,000 tonnes of flour a year.",
                "2024-03-01",
                "80,000 tonnes",
                "actual",
            ),
            // `due to` is a cause, not a plan.
            (
                "Economy\n\nGrowth reached 107 percent due to the support measures.",
                "2021-06-25",
                "107 percent",
                "actual",
            ),
        ],
        |f| f.status.map(|s| s.as_str().to_string()).unwrap_or_default(),
    );
}

#[test]
fn headline_and_breakdown() {
    check(
        &[
            // A headline figure takes the period and status of the body figure it restates.
            ("Over 180 firms opened in the region\n\nThe ministry reported on the first half of 2022.\n\nDuring this period, 184 firms were opened.", "2022-07-18", "180 firms", "2022-H1 actual"),
            ("Semey to commission 140 houses\n\nThe governor said 148 houses will be commissioned within three years ahead.", "2023-06-05", "140 houses", "2023/2025 planned"),
            // A growth in the title restates the index of the body (`104.2%` for `4.2%`),
            // not a close rate of something else.
            ("Mill town output grows 4.2% in half a year\n\nIn the first half of 2023 the index of industrial output made 104.2%. Unemployment stood at 4.1% as of 1 July.", "2023-07-20", "4.2%", "2023-H1 actual"),
            ("Mill town output grows 4.2% in half a year\n\nIn the first half of 2023 the index of industrial output made 104.6%. Unemployment stood at 4.2% as of 1 July.", "2023-07-20", "4.2%", "2023-H1 actual"),
            // The parts of what the sentence before counted hold as it did.
            ("Plans\n\n125 projects are planned for 2024-2026. Among them are 52 regional projects.", "2024-10-14", "52 regional projects", "2024/2026 planned"),
            // ... whichever of its figures they break down, not only its last.
            ("Mangystau plans\n\nFor 2025-2027 the akimat plans 90 projects worth $4 billion. Among them are 30 port projects and 60 tourism projects.", "2024-11-20", "60 tourism projects", "2025/2027 planned"),
            // ... or a figure of the sentence before that one, past a sentence that says more
            // of it, across a paragraph's break; the span they take holds for the rest of
            // their paragraph. A part no smaller than a figure two sentences back is not its.
            ("Grants\n\nSince January 4,200 grants have been given to farmers, the department said. The mean grant was 3.1 million tenge.\n\nOf them, 2,900 grants went to livestock breeders. Those grants created 1,700 jobs.", "2024-09-10", "2,900 grants", "2024-01/2024-09 actual"),
            ("Grants\n\nSince January 4,200 grants have been given to farmers, the department said. The mean grant was 3.1 million tenge.\n\nOf them, 2,900 grants went to livestock breeders. Those grants created 1,700 jobs.", "2024-09-10", "1,700 jobs", "2024-01/2024-09 actual"),
            ("Grants\n\nSince January 420 grants have been given to farmers, the department said. The mean grant was 3.1 million tenge.\n\nOf them, 2,900 grants went to livestock breeders.", "2024-09-10", "2,900 grants", "2024 actual"),
            // Counts of one kind that fit inside a count of the sentence before are its parts,
            // without `among them`; counts that do not fit are not.
            ("Aral region plans\n\nThe akimat presented another 400 projects worth $900 million. There are 150 projects in mining and 120 projects in tourism.", "2022-05-01", "150 projects", "- planned"),
            ("Aral region plans\n\nThe agency will launch 40 projects next year. There are 150 projects in mining and 120 projects in tourism.", "2022-05-01", "150 projects", "2022 actual"),
        ],
        |f| {
            format!(
                "{} {}",
                or_dash(f.period.map(|p| p.to_string()).as_deref()),
                f.status.map(|s| s.as_str()).unwrap_or("-")
            )
        },
    );
}

#[test]
fn clause_tokens_are_the_tokens_of_each_clause() {
    let sentences = [
        "The plant, opened in 2021, now employs 1,200 people; its output rose 8% – a record.",
        "Exports grew by 5%, while imports fell.",
        "No clause breaks here at all",
        ", starts with a comma, and ends with one,",
        "",
    ];
    for text in sentences {
        let toks = crate::tokens::words_of(text);
        let s = super::sentence::Sentence::new(text, &toks, &[]);
        for clause in 0..=s.clause_starts.len() + 1 {
            let by_search: Vec<usize> = s.clause_toks(clause).collect();
            let by_token: Vec<usize> = (0..toks.len())
                .filter(|&i| s.clause_of(toks[i].start) == clause)
                .collect();
            assert_eq!(by_search, by_token, "{text:?}, clause {clause}");
        }
    }
}

#[test]
fn a_figure_limit_keeps_the_facts_before_it_and_says_where_it_stopped() {
    let article = "Aktobe created 120 jobs in 2023. Its exports rose 7 percent.\n\n\
                   The region invested 40 billion tenge. It opened 3 plants.\n\n\
                   Karaganda created 95 jobs.";
    let ctx = DocContext {
        doc: "case",
        date: Some("2024-02-01".parse().expect("a test date")),
        lang: None,
    };
    let all = extract(article, &ctx);
    let texts = |facts: &[Fact]| facts.iter().map(|f| f.text.clone()).collect::<Vec<_>>();
    assert_eq!(
        texts(&all.facts),
        [
            "120 jobs",
            "7 percent",
            "40 billion tenge",
            "3 plants",
            "95 jobs"
        ]
    );
    for limit in [5, 6, usize::MAX] {
        assert_eq!(
            crate::extract_with_limit(article, &ctx, limit),
            (all.clone(), None)
        );
    }
    // The limit falls inside the second paragraph: the first of its figures is kept.
    let (cut, unread_from) = crate::extract_with_limit(article, &ctx, 3);
    assert_eq!(
        texts(&cut.facts),
        ["120 jobs", "7 percent", "40 billion tenge"]
    );
    assert_eq!(cut.facts[..], all.facts[..3]);
    assert_eq!(unread_from, article.find("3 plants"));
    // Reading stops after the paragraph of the first figure over the limit.
    assert_eq!(cut.entities, all.entities[..2]);
    let (none, unread_from) = crate::extract_with_limit(article, &ctx, 0);
    assert!(none.facts.is_empty());
    assert_eq!(unread_from, article.find("120 jobs"));
}

#[test]
fn a_bare_amount_takes_the_currency_of_the_money_before_it() {
    check(
        &[
            ("Plant\n\nThe plant cost 21 billion tenge, 15 billion of which came as a loan.", "2024-01-20", "15 billion", "KZT project_value"),
            ("Завод\n\nИнвестиции составили 38,6 млрд тенге, в том числе кредиты банков 19,3 млрд и бюджет 5 млрд.", "2024-01-20", "19,3 млрд", "KZT investment"),
            ("Exports\n\nExports reached $500 million, and by 2030 they should reach 1.5 billion.", "2024-01-20", "1.5 billion", "USD trade"),
            // A new sentence does not carry the currency.
            ("Plant\n\nThe plant cost 21 billion tenge. About 2 million visitors came.", "2024-01-20", "2 million visitors", "visitor other"),
        ],
        |f| format!("{} {}", or_dash(f.unit.as_deref()), or_dash(f.metric.map(|m| m.as_str()))),
    );
}

#[test]
fn a_table_header_gives_its_rows_units() {
    let table = "Investment by region\n\nFixed capital investment in January-June 2024, billion tenge (index of physical volume, %):\n\n- Turkistan region — 512.3 (97.4)\n- Zhambyl region — 240.1 (104.2)\n\nThe rest of the regions grew less.";
    let russian = "Инвестиции по регионам\n\nИнвестиции в основной капитал за январь–июнь 2024 года, млрд тенге (ИФО, %):\n\nТуркестанская область — 512,3 (97,4)\n\nЖамбылская область — 240,1 (104,2)\n";
    check(
        &[
            (
                table,
                "2024-07-20",
                "512.3",
                "512300000000 KZT level Turkistan region",
            ),
            (table, "2024-07-20", "97.4", "97.4 % index Turkistan region"),
            (table, "2024-07-20", "104.2", "104.2 % index Zhambyl region"),
            (
                russian,
                "2024-07-20",
                "240,1",
                "240100000000 KZT level Zhambyl region",
            ),
            (
                russian,
                "2024-07-20",
                "97,4",
                "97.4 % index Turkistan region",
            ),
        ],
        |f| {
            format!(
                "{} {} {} {}",
                f.value,
                f.unit.as_deref().unwrap_or("-"),
                f.measure.map(|m| m.as_str()).unwrap_or("-"),
                or_dash(f.subject.as_deref())
            )
        },
    );
}

#[test]
fn a_table_ends_at_a_paragraph_longer_than_a_row() {
    // The header's units reach the short rows after it, not the bare numbers of a
    // paragraph of prose after them.
    let article = "Harvest by district\n\nGrain harvest in 2024, thousand tonnes:\n\nTalgar district — 310.5\n\nKarasay district — 280.2\n\nFarmers in both districts say that the dry summer cost them much of the crop and that many fields gave no more than 9.5 against the usual harvest, so the region will buy grain from its neighbours.\n";
    let ctx = DocContext {
        doc: "case",
        date: Some("2024-10-01".parse().expect("a test date")),
        lang: None,
    };
    let facts = extract(article, &ctx).facts;
    let unit_of = |figure: &str| {
        facts
            .iter()
            .find(|f| f.text == figure)
            .map(|f| or_dash(f.unit.as_deref()))
    };
    assert_eq!(unit_of("310.5"), Some("t".to_string()));
    assert_eq!(unit_of("280.2"), Some("t".to_string()));
    assert_eq!(unit_of("9.5"), None);
}

#[test]
fn unit_and_value_in_the_ledgers_size() {
    check(
        &[
            // Power in MW and energy in kWh, whatever size the text writes them in.
            (
                "Wind\n\nThe developer will build a 1.2 GW wind farm in Zhambyl region.",
                "2024-02-10",
                "1.2 GW",
                "1200 MW",
            ),
            (
                "Ветер\n\nИнвестор построит ветровую электростанцию мощностью 1,5 ГВт.",
                "2024-02-10",
                "1,5 ГВт",
                "1500 MW",
            ),
            (
                "Power\n\nThe plant generated 640 GWh of electricity last year.",
                "2024-02-10",
                "640 GWh",
                "640000000 kWh",
            ),
            (
                "Power\n\nThe plant generated 2.1 billion kWh of electricity last year.",
                "2024-02-10",
                "2.1 billion kWh",
                "2100000000 kWh",
            ),
            (
                "Power\n\nThe station has a capacity of 300 MW.",
                "2024-02-10",
                "300 MW",
                "300 MW",
            ),
        ],
        |f| format!("{} {}", f.value, f.unit.as_deref().unwrap_or("-")),
    );
}

#[test]
fn parties_named_before_are_no_count() {
    let facts = |article: &str| -> Vec<String> {
        let ctx = DocContext {
            doc: "case",
            date: Some("2024-02-10".parse().expect("a test date")),
            lang: None,
        };
        extract(article, &ctx)
            .facts
            .into_iter()
            .map(|f| f.text)
            .collect()
    };
    // A number word before parties the text has named points back to them.
    let found = facts("Trade\n\nKyrgyzstan and Oman signed six deals. Trade between the two countries grew by 14% to $90 million.");
    assert!(!found.iter().any(|t| t == "two countries"), "{found:?}");
    assert!(found.iter().any(|t| t == "14%"), "{found:?}");
    let found = facts("Торговля\n\nКыргызстан и Оман подписали шесть соглашений. Товарооборот двух стран вырос на 14%.");
    assert!(!found.iter().any(|t| t == "двух стран"), "{found:?}");
    // Without an article it may count them; in Russian three may be a count too.
    let found = facts("Deals\n\nThe ministry signed agreements with two countries in May.");
    assert!(found.iter().any(|t| t == "two countries"), "{found:?}");
    let found = facts("Экспорт\n\nЗавод поставляет продукцию в две страны.");
    assert!(found.iter().any(|t| t == "две страны"), "{found:?}");
    let found = facts("Инвестиции\n\nНа три страны приходится 62% всех поступлений.");
    assert!(found.iter().any(|t| t == "три страны"), "{found:?}");
}
