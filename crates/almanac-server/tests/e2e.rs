//! The dashboard in a real browser: headless Chromium (Debian's `chromium`) driven through
//! `chromedriver` with fantoccini, against a server on a free loopback port. Each page is
//! opened and kept as a screenshot under `target/e2e-screenshots/`; the facts table is
//! filtered and seen to change; a document shows its figures highlighted with their fields
//! on keyboard focus; a place page shows its charts; a correction is tried with the token
//! and undone; and the hostile article runs nothing.
//!
//! Without chromedriver these tests say so and pass, except under CI (`CI` set), where
//! `.ci/run` installs it and a missing browser is a failure.

mod common;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use almanac_server::Config;
use common::{Server, HOSTILE_ID};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
    profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn driver() -> Option<Driver> {
    if !std::path::Path::new(CHROMEDRIVER).exists() || !std::path::Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the browser tests: install chromium and chromium-driver"
        );
        eprintln!("e2e: no {CHROMEDRIVER} or {CHROMIUM}; skipped (apt-get install chromium chromium-driver)");
        return None;
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // The driver's log (and Chromium's output through it) is kept beside the screenshots.
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .arg(format!(
            "--log-path={}",
            shots().join("chromedriver.log").display()
        ))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(Driver {
        child,
        port,
        profile: tempfile::tempdir().unwrap(),
    })
}

/// A headless Chromium session, with the flags this machine's closed network needs.
async fn browser(driver: &Driver) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                format!("--user-data-dir={}", driver.profile.path().display()),
            ],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a Chromium session")
}

/// Where screenshots are kept: the target directory's `e2e-screenshots`.
fn shots() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    std::fs::write(shots().join(format!("{name}.png")), png).unwrap();
}

/// Waits up to 15 seconds for `check` to hold.
async fn until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(15);
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn script(client: &Client, code: &str) -> Value {
    client.execute(code, vec![]).await.unwrap()
}

async fn text_of(client: &Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Runs the browser tests in one session (Chromium starts slowly on two cores).
#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_in_a_browser() {
    let Some(driver) = driver() else { return };
    // A ledger of its own: the browser corrects a fact in it.
    let (_dir, db) = common::own_ledger();
    let mut config = Config::new(db.clone());
    config.token = Some("secret".into());
    let server = Server::start(config).await;
    let client = browser(&driver).await;
    // The checks run in a task of their own, so that the browser is closed even when one
    // fails; the failure is raised again after.
    let session = client.clone();
    let outcome = tokio::spawn(async move { run(&session, &server).await }).await;
    let _ = client.close().await;
    if let Err(err) = outcome {
        match err.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(err) => panic!("the browser checks failed: {err}"),
        }
    }
}

async fn run(client: &Client, server: &Server) {
    every_page_opens(client, server).await;
    the_facts_table_filters(client, server).await;
    a_document_highlights_its_figures(client, server).await;
    a_place_shows_its_charts(client, server).await;
    a_correction_with_the_token(client, server).await;
    the_hostile_article_runs_nothing(client, server).await;
    readable_on_a_phone(client, server).await;
}

async fn every_page_opens(client: &Client, server: &Server) {
    for (path, name, heading) in [
        ("/", "home", "What the ledger holds"),
        ("/facts", "facts", "Facts"),
        ("/places", "places", "Places and organisations"),
        (
            "/places/Karaganda%20region",
            "place-karaganda",
            "Karaganda region",
        ),
        ("/documents", "documents", "Documents"),
        ("/documents/aktau-port-2022", "document-aktau-port", ""),
        ("/promises", "promises", "Promises"),
        ("/checks", "checks", "Checks"),
    ] {
        client.goto(&server.url(path)).await.unwrap();
        let h1 = text_of(client, "h1").await;
        assert!(h1.starts_with(heading), "{path}: {h1}");
        let errors = script(
            client,
            "return document.querySelectorAll('.error-message').length",
        )
        .await;
        assert_eq!(errors, 0, "{path}");
        screenshot(client, name).await;
    }
}

async fn total(client: &Client) -> u64 {
    text_of(client, "[data-total]")
        .await
        .replace(',', "")
        .parse()
        .unwrap()
}

async fn the_facts_table_filters(client: &Client, server: &Server) {
    client.goto(&server.url("/facts")).await.unwrap();
    let all = total(client).await;
    // A facet: the metric `jobs`.
    client
        .find(Locator::Css("a[data-facet='metric'][data-value='jobs']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css("a.selected[data-value='jobs']"))
        .await
        .unwrap();
    let jobs = total(client).await;
    assert!(jobs > 0 && jobs < all, "{jobs} of {all}");
    let metrics = script(
        client,
        "return [...document.querySelectorAll('[data-facts-table] tbody .metric')].map(e => e.textContent)",
    )
    .await;
    let metrics = metrics.as_array().unwrap();
    assert!(
        !metrics.is_empty() && metrics.iter().all(|m| m == "jobs"),
        "{metrics:?}"
    );
    screenshot(client, "facts-jobs").await;
    // The CSV link gives exactly the rows shown, in their order.
    let shown = script(
        client,
        "return [...document.querySelectorAll('[data-facts-table] tbody tr[id]')].map(r => r.id.slice(4))",
    )
    .await;
    let href = client
        .find(Locator::Css("a[download=\"facts.csv\"]"))
        .await
        .unwrap()
        .prop("href")
        .await
        .unwrap()
        .unwrap();
    let csv = reqwest::get(&href).await.unwrap().text().await.unwrap();
    let csv_ids: Vec<Value> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| Value::from(r.unwrap()[0].to_string()))
        .collect();
    assert_eq!(Value::Array(csv_ids), shown, "{href}");
    // Words typed into the search field, submitted with the keyboard.
    let search = client.find(Locator::Css("#f-text")).await.unwrap();
    search.send_keys("zone\u{E007}").await.unwrap();
    until("the search to load", || async {
        client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("text=zone")
    })
    .await;
    let zone_jobs = total(client).await;
    assert!(zone_jobs < jobs, "{zone_jobs} of {jobs}");
    let sentences = script(
        client,
        "return document.querySelector('[data-facts-table] tbody tr') !== null",
    )
    .await;
    assert_eq!(sentences, true);
    // Sorting by value, largest first, by a column header, twice.
    client
        .find(Locator::LinkText("Value"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css("th[aria-sort='ascending']"))
        .await
        .unwrap();
    screenshot(client, "facts-filtered").await;
}

async fn a_document_highlights_its_figures(client: &Client, server: &Server) {
    client
        .goto(&server.url("/documents/aktau-port-2022"))
        .await
        .unwrap();
    let marks = client.find_all(Locator::Css("mark.fig")).await.unwrap();
    let facts: Value = reqwest::get(server.url("/api/documents/aktau-port-2022"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!marks.is_empty());
    assert_eq!(
        marks.len(),
        facts["facts"].as_array().unwrap().len(),
        "every figure highlighted"
    );
    // Coloured by metric: the first mark has its metric's class and a background.
    let class = marks[0].attr("class").await.unwrap().unwrap();
    assert!(class.contains("m-"), "{class}");
    let background = script(
        client,
        "return getComputedStyle(document.querySelector('mark.fig')).backgroundColor",
    )
    .await;
    assert_ne!(background, "rgba(0, 0, 0, 0)");
    // Its fields show on keyboard focus.
    let tip = marks[0].find(Locator::Css(".tip")).await.unwrap();
    assert!(!tip.is_displayed().await.unwrap());
    // Tab from the top of the page, as a keyboard user does, to the first figure.
    let mut tabs = 0;
    loop {
        client
            .active_element()
            .await
            .unwrap()
            .send_keys("\u{E004}")
            .await
            .unwrap();
        tabs += 1;
        let on_figure = script(client, "return document.activeElement.matches('mark.fig')").await;
        if on_figure == true {
            break;
        }
        assert!(tabs < 60, "Tab never reached a figure");
    }
    assert!(
        tip.is_displayed().await.unwrap(),
        "the tooltip on keyboard focus"
    );
    let fields = tip.text().await.unwrap();
    assert!(
        fields.contains("metric") && fields.contains("period"),
        "{fields}"
    );
    screenshot(client, "document-focus").await;
}

async fn a_place_shows_its_charts(client: &Client, server: &Server) {
    // examples/series: Karaganda region over four years, with promises and their outcomes.
    client
        .goto(&server.url("/places/Karaganda%20region"))
        .await
        .unwrap();
    let charts = client.find_all(Locator::Css("svg.chart")).await.unwrap();
    assert!(charts.len() > 1, "a chart per metric");
    let reported = client
        .find_all(Locator::Css("svg.chart circle.point.actual"))
        .await
        .unwrap();
    let targets = client
        .find_all(Locator::Css("svg.chart path.point.planned"))
        .await
        .unwrap();
    assert!(reported.len() > 3, "{} reported figures", reported.len());
    assert!(
        !targets.is_empty(),
        "targets are drawn apart from reported figures"
    );
    let links = script(
        client,
        "return [...document.querySelectorAll('svg.chart a')].map(a => a.getAttribute('href'))",
    )
    .await;
    assert!(links.as_array().unwrap().iter().all(|l| l
        .as_str()
        .unwrap()
        .starts_with("/facts?subject=Karaganda+region&metric=")));
    let within = client.find_all(Locator::Css(".within a")).await.unwrap();
    assert!(!within.is_empty(), "the places within Karaganda region");
    screenshot(client, "place-charts").await;
}

async fn a_correction_with_the_token(client: &Client, server: &Server) {
    client
        .goto(&server.url("/documents/aktau-port-2022"))
        .await
        .unwrap();
    // No token kept: no correct button.
    let hidden = script(
        client,
        "return document.querySelector('button[data-correct]').hidden",
    )
    .await;
    assert_eq!(hidden, true);
    let input = client
        .find(Locator::Css("[data-token-input]"))
        .await
        .unwrap();
    input.send_keys("secret").await.unwrap();
    client
        .find(Locator::Css("[data-token-form] button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let button = client
        .wait()
        .for_element(Locator::Css("button[data-correct]:not([hidden])"))
        .await
        .unwrap();
    button.click().await.unwrap();
    let subject = client.find(Locator::Css("#c-subject")).await.unwrap();
    subject.clear().await.unwrap();
    subject
        .send_keys("Mangystau region (corrected)")
        .await
        .unwrap();
    client
        .find(Locator::Css("[data-correction-save]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // Saved, the page reloads with the fact as corrected.
    until("the corrected fact on the reloaded page", || async {
        script(
            client,
            "return document.body.innerText.includes('Mangystau region (corrected)')",
        )
        .await
            == true
    })
    .await;
    screenshot(client, "correction-saved").await;

    // The corrected fact is marked, and its correction undone from the page: it reads
    // as extracted again.
    let undo = client
        .wait()
        .for_element(Locator::Css("button[data-undo]:not([hidden])"))
        .await
        .unwrap();
    undo.click().await.unwrap();
    until("the fact as extracted on the reloaded page", || async {
        script(
            client,
            "return document.readyState === 'complete' \
             && !document.body.innerText.includes('Mangystau region (corrected)') \
             && document.querySelector('button[data-undo]') === null",
        )
        .await
            == true
    })
    .await;
    screenshot(client, "correction-undone").await;
}

async fn the_hostile_article_runs_nothing(client: &Client, server: &Server) {
    for path in [
        format!("/documents/{HOSTILE_ID}"),
        "/documents".into(),
        "/places/Almaty".into(),
    ] {
        client.goto(&server.url(&path)).await.unwrap();
        // Hover and focus every figure, as a reader would.
        let marks = client.find_all(Locator::Css("mark.fig")).await.unwrap();
        for mark in &marks {
            let _ = script(client, "return true").await;
            let _ = mark.click().await;
        }
        let pwned = script(client, "return window.__pwned === undefined").await;
        assert_eq!(pwned, true, "{path} ran the article's script");
        let scripts = script(client, "return [...document.scripts].map(s => s.src)").await;
        assert_eq!(
            scripts.as_array().unwrap().len(),
            1,
            "{path}: only app.js: {scripts}"
        );
        let images = script(
            client,
            "return document.querySelectorAll('main img').length",
        )
        .await;
        assert_eq!(images, 0, "{path}");
    }
    client
        .goto(&server.url(&format!("/documents/{HOSTILE_ID}")))
        .await
        .unwrap();
    let text = text_of(client, ".doc-text").await;
    assert!(text.contains("<script>window.__pwned=2</script>"), "{text}");
    assert!(
        text.contains("\"onmouseover=window.__pwned=4 x=\""),
        "{text}"
    );
    let h1 = text_of(client, "h1").await;
    assert!(h1.contains("<img src=x"), "{h1}");
    let links = script(
        client,
        "return [...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript:')).length",
    )
    .await;
    assert_eq!(links, 0);
    screenshot(client, "hostile-inert").await;
}

async fn readable_on_a_phone(client: &Client, server: &Server) {
    client.set_window_size(390, 844).await.unwrap();
    for (path, name) in [
        ("/facts", "phone-facts"),
        ("/documents/aktau-port-2022", "phone-document"),
        ("/places/Karaganda%20region", "phone-place"),
    ] {
        client.goto(&server.url(path)).await.unwrap();
        let overflow = script(
            client,
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
        )
        .await;
        if overflow.as_i64().unwrap() > 1 {
            // Name the elements that reach furthest right, to say what to fix (an element
            // inside a scrolling table counts when it escapes it, as an absolute one can).
            let culprits = script(
                client,
                "const w = document.documentElement.clientWidth; \
                 return [...document.querySelectorAll('body *')] \
                   .map(e => [e.tagName + '.' + e.className, Math.round(e.getBoundingClientRect().right)]) \
                   .filter(([, right]) => right > w + 1).sort((a, b) => b[1] - a[1]).slice(0, 8)",
            )
            .await;
            panic!("{path} scrolls sideways by {overflow}px: {culprits}");
        }
        screenshot(client, name).await;
    }
    client.set_window_size(1280, 900).await.unwrap();
}
