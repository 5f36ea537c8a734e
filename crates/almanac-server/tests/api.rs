//! The JSON API against a server on a free loopback port, over a ledger ingested from
//! `examples/`: each endpoint, its filters, facets, pages, formats and errors, the token
//! rule, the size limit, and the pages' escaping.

mod common;

use std::collections::HashSet;

use almanac_server::Config;
use common::{Server, HOSTILE_ID};
use reqwest::StatusCode;
use serde_json::Value;

async fn get(server: &Server, path: &str) -> (StatusCode, Value) {
    let response = reqwest::get(server.url(path)).await.unwrap();
    let status = response.status();
    let body = response.json::<Value>().await.unwrap_or(Value::Null);
    (status, body)
}

async fn ok(server: &Server, path: &str) -> Value {
    let (status, body) = get(server, path).await;
    assert_eq!(status, 200, "{path}: {body}");
    body
}

fn ids(page: &Value) -> Vec<i64> {
    page["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_i64().unwrap())
        .collect()
}

// Facts: pages, filters, facets, formats.

/// Walking the pages by cursor gives every fact once, in order, with the same total on
/// every page.
#[tokio::test]
async fn pages_walk_every_fact_once() {
    let server = Server::shared().await;
    for sort in ["doc", "-value", "period", "-date", "subject"] {
        let first = ok(
            &server,
            &format!("/api/facts?sort={sort}&size=1000&_facets=false"),
        )
        .await;
        let total = first["total"].as_u64().unwrap();
        assert_eq!(
            ids(&first).len() as u64,
            total,
            "one page of 1000 holds them all"
        );
        let mut walked = Vec::new();
        let mut query = format!("sort={sort}&size=7&_facets=false");
        loop {
            let page = ok(&server, &format!("/api/facts?{query}")).await;
            assert_eq!(page["total"].as_u64(), Some(total));
            walked.extend(ids(&page));
            match page["next"].as_str() {
                Some(next) => query = next.to_string(),
                None => break,
            }
        }
        assert_eq!(walked, ids(&first), "sort {sort}");
        let unique: HashSet<i64> = walked.iter().copied().collect();
        assert_eq!(unique.len(), walked.len());
    }
}

#[tokio::test]
async fn every_filter_of_almanac_facts() {
    let server = Server::shared().await;
    let all = ok(&server, "/api/facts?size=1000").await;
    let total = all["total"].as_u64().unwrap();
    assert!(
        total > 100,
        "the examples hold hundreds of facts, not {total}"
    );
    let facts = all["facts"].as_array().unwrap();
    let count = |pred: &dyn Fn(&Value) -> bool| facts.iter().filter(|f| pred(f)).count() as u64;

    for (query, expected) in [
        ("metric=jobs", count(&|f| f["metric"] == "jobs")),
        // The common names the command line takes too.
        ("metric=Workplaces", count(&|f| f["metric"] == "jobs")),
        (
            "metric=jobs,investment",
            count(&|f| f["metric"] == "jobs" || f["metric"] == "investment"),
        ),
        (
            "metric=jobs&metric=investment",
            count(&|f| f["metric"] == "jobs" || f["metric"] == "investment"),
        ),
        ("status=planned", count(&|f| f["status"] == "planned")),
        ("measure=change", count(&|f| f["measure"] == "change")),
        ("unit=kzt", count(&|f| f["unit"] == "KZT")),
        (
            "doc=aktau-port-2022",
            count(&|f| f["doc"] == "aktau-port-2022"),
        ),
    ] {
        let page = ok(&server, &format!("/api/facts?{query}&size=1000")).await;
        assert_eq!(page["total"].as_u64(), Some(expected), "{query}");
        assert_eq!(ids(&page).len() as u64, expected, "{query}");
        assert!(expected > 0, "{query} selects nothing in the examples");
    }

    let almaty = ok(&server, "/api/facts?subject=almaty&size=1000").await;
    assert!(almaty["facts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["subject"] == "Almaty"));
    let within = ok(&server, "/api/facts?subject=almaty&within=true&size=1000").await;
    assert!(
        within["total"].as_u64() > almaty["total"].as_u64(),
        "districts and zones of Almaty"
    );

    let in_2023 = ok(&server, "/api/facts?period=2023&size=1000").await;
    for f in in_2023["facts"].as_array().unwrap() {
        let period = f["period"].as_str().unwrap();
        assert!(period.contains("2023") || period.contains('/'), "{period}");
    }
    let text = ok(&server, "/api/facts?text=industrial%20zone&size=1000").await;
    assert!(text["total"].as_u64().unwrap() > 0);
    for f in text["facts"].as_array().unwrap() {
        let sentence = f["sentence"].as_str().unwrap().to_lowercase();
        assert!(
            sentence.contains("industrial") && sentence.contains("zone"),
            "{sentence}"
        );
    }
}

/// Each facet counts as if its own filter were not set, and a value's count is what
/// choosing it selects.
#[tokio::test]
async fn facets_count_what_their_values_select() {
    let server = Server::shared().await;
    let page = ok(&server, "/api/facts?status=actual&size=1").await;
    let facets = page["facets"].as_array().unwrap();
    let names: Vec<&str> = facets
        .iter()
        .map(|f| f["facet"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["subject", "metric", "measure", "status", "period_year"]
    );
    for facet in facets {
        for value in facet["values"].as_array().unwrap().iter().take(4) {
            let Some(toggle) = value["toggle"].as_str() else {
                continue;
            };
            let selected = ok(&server, &format!("/api/facts?{toggle}")).await;
            if value["selected"] == true {
                continue;
            }
            let name = facet["facet"].as_str().unwrap();
            if matches!(name, "status") {
                // Adding a value to a list filter widens it: the count is what the value
                // adds.
                continue;
            }
            assert_eq!(
                selected["total"], value["count"],
                "{name}={} ({toggle})",
                value["value"]
            );
        }
    }
    let status = &facets[3]["values"];
    let actual = status
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == "actual")
        .unwrap();
    assert_eq!(actual["selected"], true);
    assert!(
        status
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["value"] == "planned"),
        "the other status is still offered"
    );
}

#[tokio::test]
async fn csv_and_ndjson_hold_the_same_page() {
    let server = Server::shared().await;
    let json = ok(&server, "/api/facts?metric=jobs&size=5").await;
    let response = reqwest::get(server.url("/api/facts?metric=jobs&size=5&_format=csv"))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert_eq!(
        response.headers()["x-total-count"].to_str().unwrap(),
        json["total"].to_string()
    );
    assert!(response.headers()["link"]
        .to_str()
        .unwrap()
        .contains("rel=\"next\""));
    let text = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let names: Vec<&str> = almanac_model::columns::COLUMNS
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(header, names, "the columns of almanac facts --format csv");
    let csv_ids: Vec<i64> = reader
        .records()
        .map(|r| r.unwrap()[0].parse().unwrap())
        .collect();
    assert_eq!(csv_ids, ids(&json));

    let ndjson = reqwest::get(server.url("/api/facts?metric=jobs&size=5&_format=ndjson"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let lines: Vec<Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(Value::Array(lines), json["facts"]);
}

/// Every bad parameter is a 400 with a JSON body that names it.
#[tokio::test]
async fn bad_parameters_are_named() {
    let server = Server::shared().await;
    for (path, parameter) in [
        ("/api/facts?metric=jobz", "metric"),
        ("/api/facts?status=plan", "status"),
        ("/api/facts?period=2025/2021", "period"),
        ("/api/facts?size=abc", "size"),
        ("/api/facts?size=5000", "size"),
        ("/api/facts?sort=height", "sort"),
        ("/api/facts?cursor=nonsense", "cursor"),
        ("/api/facts?within=perhaps", "within"),
        ("/api/facts?text=%22", "text"),
        ("/api/facts?_format=xml", "_format"),
        ("/api/entities?kind=planet", "kind"),
        ("/api/documents?period=someday", "period"),
        ("/api/timeline?metric=jobs", "subject"),
        ("/api/timeline?subject=Almaty", "metric"),
        ("/api/checks?min_severity=fatal", "min_severity"),
        ("/api/checks?kind=typo", "kind"),
        ("/api/promises?as_of=tomorrow", "as_of"),
        ("/api/entities/Almaty?currency=EUR", "currency"),
    ] {
        let (status, body) = get(&server, path).await;
        assert_eq!(status, 400, "{path}: {body}");
        assert_eq!(body["error"]["parameter"], parameter, "{path}: {body}");
        assert_eq!(body["error"]["status"], 400);
        assert!(body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with(parameter));
    }
    // A cursor of another sort.
    let page = ok(&server, "/api/facts?sort=-value&size=2").await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let (status, body) = get(&server, &format!("/api/facts?sort=period&cursor={cursor}")).await;
    assert_eq!(
        (status, &body["error"]["parameter"]),
        (StatusCode::BAD_REQUEST, &Value::from("cursor"))
    );
}

#[tokio::test]
async fn unknown_things_are_404_with_json() {
    let server = Server::shared().await;
    for path in [
        "/api/nothing",
        "/api/documents/no-such-document",
        "/api/entities/Atlantis",
    ] {
        let (status, body) = get(&server, path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body["error"]["status"], 404, "{path}");
    }
}

// Entities, documents, analyses.

#[tokio::test]
async fn an_entity_with_its_facts_charts_and_places() {
    let server = Server::shared().await;
    let list = ok(&server, "/api/entities?kind=city").await;
    assert!(list["entities"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["kind"] == "city"));
    let almaty = ok(&server, "/api/entities/almaty").await;
    assert_eq!(almaty["entity"]["name"], "Almaty");
    assert!(
        !almaty["within"].as_array().unwrap().is_empty(),
        "districts of Almaty"
    );
    let charts = almaty["charts"].as_array().unwrap();
    assert!(!charts.is_empty());
    for chart in charts {
        assert!(chart["metric"].is_string());
        assert!(chart["actual"]["points"].is_array() && chart["planned"]["points"].is_array());
        assert!(
            chart.get("svg").is_none(),
            "the SVG is the page's, not the API's"
        );
    }
    assert!(almaty["facts"]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["subject"] == "Almaty"));
    assert!(
        almaty["facts"]["total"].as_u64().unwrap()
            >= almaty["facts"]["facts"].as_array().unwrap().len() as u64
    );
    // An alias finds the same entity.
    let alias = ok(&server, "/api/entities/ALMATY").await;
    assert_eq!(alias["entity"]["name"], "Almaty");
}

/// A document's facts point into its text: `text[span] == fact.text`.
#[tokio::test]
async fn a_document_with_its_text_and_spans() {
    let server = Server::shared().await;
    let list = ok(&server, "/api/documents?newest=true&size=3").await;
    assert_eq!(list["documents"].as_array().unwrap().len(), 3);
    assert_eq!(list["truncated"], true);
    let doc = ok(&server, "/api/documents/aktau-port-2022").await;
    let text = doc["text"].as_str().unwrap();
    let facts = doc["facts"].as_array().unwrap();
    assert!(!facts.is_empty());
    for f in facts {
        let (a, b) = (
            f["span"][0].as_u64().unwrap() as usize,
            f["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[a..b], f["text"].as_str().unwrap());
    }
    assert!(doc.get("segments").is_none());
}

#[tokio::test]
async fn timelines_checks_and_promises() {
    let server = Server::shared().await;
    let series = ok(&server, "/api/timeline?subject=Almaty&metric=jobs").await;
    assert_eq!(series["subject"], "Almaty");
    assert_eq!(series["metric"], "jobs");
    let checks = ok(&server, "/api/checks").await;
    assert!(checks["facts"].as_u64().unwrap() > 100);
    let alerts = checks["alerts"].as_array().unwrap();
    assert!(
        !alerts.is_empty(),
        "examples/series holds conflicts and conversions"
    );
    for alert in alerts {
        assert!(!alert["facts"].as_array().unwrap().is_empty());
    }
    let errors = ok(&server, "/api/checks?min_severity=error").await;
    assert!(errors["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["severity"] == "error"));
    let promises = ok(&server, "/api/promises").await;
    assert!(!promises["promises"].as_array().unwrap().is_empty());
    assert!(promises["as_of"].is_string());
}

// Writes: the token, the body limit, the ingest path, corrections.

#[tokio::test]
async fn writes_need_the_token() {
    let client = reqwest::Client::new();
    let server = Server::shared().await;
    let post = |token: Option<&str>| {
        let mut request = client
            .post(server.url("/api/documents?id=t"))
            .body("Almaty created 10 jobs in 2023.");
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let response = post(None).await.unwrap();
    assert_eq!(response.status(), 401);
    assert!(response.headers().contains_key("www-authenticate"));
    assert_eq!(post(Some("wrong")).await.unwrap().status(), 401);
    assert_eq!(post(Some("secre")).await.unwrap().status(), 401);
    let correction = client
        .post(server.url("/api/facts/1/correction"))
        .json(&serde_json::json!({"subject": "Astana"}))
        .send()
        .await
        .unwrap();
    assert_eq!(correction.status(), 401);

    // Without a token, the server takes no writes at all.
    let open = Server::start(Config::new(common::ledger().clone())).await;
    let response = client
        .post(open.url("/api/documents"))
        .bearer_auth("")
        .body("Almaty created 10 jobs in 2023.")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

/// Posted text and JSONL go through the ingest pipeline: stored, idempotent, failures
/// named by line, and the new facts found at once.
#[tokio::test]
async fn posted_documents_are_ingested() {
    let (_dir, db) = common::own_ledger();
    let mut config = Config::new(db.clone());
    config.token = Some("secret".into());
    let server = Server::start(config).await;
    let client = reqwest::Client::new();
    let text = " date 2024-05-02\nThe Turkistan region created 777 jobs in 2023.";
    let post = |query: &'static str, body: &'static str| {
        client
            .post(server.url(&format!("/api/documents{query}")))
            .bearer_auth("secret")
            .body(body)
            .send()
    };
    let report: Value = post("?id=turkistan-jobs", text)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["new"], 1, "{report}");
    assert_eq!(report["documents"][0]["doc"], "turkistan-jobs");
    assert_eq!(report["documents"][0]["outcome"], "inserted");
    assert!(report["facts"].as_u64().unwrap() >= 1);
    let found = ok(&server, "/api/facts?doc=turkistan-jobs").await;
    assert_eq!(found["facts"][0]["value"], 777.0);

    let again: Value = post("?id=turkistan-jobs", text)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (again["unchanged"].as_u64(), again["new"].as_u64()),
        (Some(1), Some(0))
    );

    let jsonl = "{\"id\": \"j1\", \"text\": \"Shymkent attracted 40 billion tenge of investment in 2022.\", \"date\": \"2023-01-10\", \"title\": \"Shymkent investment\"}\n{broken\n{\"id\": \"j2\", \"text\": \"Taraz opened 3 schools in 2023.\"}\n";
    let report: Value = post("", jsonl).await.unwrap().json().await.unwrap();
    assert_eq!(
        (report["new"].as_u64(), report["failed"].as_u64()),
        (Some(2), Some(1)),
        "{report}"
    );
    let failed = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["outcome"] == "failed")
        .unwrap();
    assert_eq!(failed["origin"], "request:2");
    let j1 = ok(&server, "/api/documents/j1").await;
    assert_eq!(j1["title"], "Shymkent investment");
    assert_eq!(j1["date"], "2023-01-10");

    let (status, body) = {
        let response = post("?date=yesterday", text).await.unwrap();
        (response.status(), response.json::<Value>().await.unwrap())
    };
    assert_eq!(
        (status, &body["error"]["parameter"]),
        (StatusCode::BAD_REQUEST, &Value::from("date"))
    );
}

/// A posted document meets the limits of `almanac ingest`, and the same text under a new id
/// is a duplicate, as it is for `ingest`.
#[tokio::test]
async fn posted_documents_meet_the_limits_of_ingest() {
    let (_dir, db) = common::own_ledger();
    let mut config = Config::new(db.clone());
    config.token = Some("secret".into());
    config.limits.max_paragraph_bytes = 1024;
    let server = Server::start(config).await;
    let client = reqwest::Client::new();
    let post = |id: &str, body: String| {
        client
            .post(server.url(&format!("/api/documents?id={id}")))
            .bearer_auth("secret")
            .body(body)
            .send()
    };
    let long = format!(
        "Intro.\n\n{}",
        "Words without any figure in them. ".repeat(40)
    );
    let report: Value = post("long", long).await.unwrap().json().await.unwrap();
    assert_eq!(report["failed"], 1, "{report}");
    let message = report["documents"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("a paragraph of 1 KB at line 3, over the 1 KB limit"),
        "{message}"
    );

    let text = "Aktobe opened 4 schools in 2023.".to_string();
    let first: Value = post("first", text.clone())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(first["new"], 1, "{first}");
    let second: Value = post("second", text).await.unwrap().json().await.unwrap();
    assert_eq!(second["duplicates"], 1, "{second}");
    assert_eq!(second["documents"][0]["outcome"], "duplicate");
    let doc = ok(&server, "/api/facts?doc=second").await;
    assert_eq!(doc["total"], 1, "{doc}");
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused() {
    let mut config = Config::new(common::ledger().clone());
    config.token = Some("secret".into());
    config.max_body_bytes = 1024;
    let server = Server::start(config).await;
    let client = reqwest::Client::new();
    let response = client
        .post(server.url("/api/documents"))
        .bearer_auth("secret")
        .body("Almaty created 10 jobs in 2023. ".repeat(100))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["status"], 413);
    let response = client
        .post(server.url("/api/facts/1/correction"))
        .bearer_auth("secret")
        .body(format!("{{\"note\": \"{}\"}}", "x".repeat(2000)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
}

/// A correction is kept and read back at once: the fact as corrected, the facts' filters
/// and facets through it; a rejected fact leaves every answer, and is no longer there to
/// correct until its rejection is undone (`DELETE`, with the token). Bad fields are 400s
/// naming the field.
#[tokio::test]
async fn corrections_are_kept_and_read_back() {
    let (_dir, db) = common::own_ledger();
    let mut config = Config::new(db.clone());
    config.token = Some("secret".into());
    let server = Server::start(config).await;
    let client = reqwest::Client::new();
    let post = |id: i64, body: Value| {
        client
            .post(server.url(&format!("/api/facts/{id}/correction")))
            .bearer_auth("secret")
            .json(&body)
            .send()
    };
    let get = |query: &'static str| {
        let url = server.url(query);
        async move {
            let response = reqwest::get(url).await.unwrap();
            assert_eq!(response.status(), 200, "{query}");
            response.json::<Value>().await.unwrap()
        }
    };
    let before = get("/api/facts?_size=1").await;
    let total = before["total"].as_u64().unwrap();
    let id = before["facts"][0]["id"].as_i64().unwrap();
    let response = post(
        id,
        serde_json::json!({"subject": "Zhanatas district", "period": "2019",
                           "note": "the district, as the article's second paragraph says"}),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 200);
    let fact: Value = response.json().await.unwrap();
    assert_eq!(fact["id"], id);
    assert_eq!(fact["subject"], "Zhanatas district");
    assert_eq!(fact["period"], "2019");
    let corrected = get("/api/facts?subject=Zhanatas%20district").await;
    assert_eq!(corrected["total"], 1, "{corrected}");
    assert_eq!(corrected["facts"][0]["id"], id);

    let response = post(id, serde_json::json!({"reject": true})).await.unwrap();
    assert_eq!(response.status(), 204);
    let after = get("/api/facts?_size=1").await;
    assert_eq!(after["total"].as_u64(), Some(total - 1));
    assert_eq!(
        get("/api/facts?subject=Zhanatas%20district").await["total"],
        0
    );
    let response = post(id, serde_json::json!({"subject": "Almaty"}))
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        404,
        "a rejected fact is undone, not edited"
    );
    let response = post(i64::MAX, serde_json::json!({"subject": "Almaty"}))
        .await
        .unwrap();
    assert_eq!(response.status(), 404);

    // The rejection is listed with its document, and undone with the token.
    let doc = before["facts"][0]["doc"].as_str().unwrap().to_string();
    let document: Value = reqwest::get(server.url(&format!("/api/documents/{doc}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        document["rejected"][0]["id"], id,
        "{}",
        document["rejected"]
    );
    let delete = |id: &str, token: Option<&str>| {
        let mut request = client.delete(server.url(&format!("/api/facts/{id}/correction")));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let id_text = id.to_string();
    assert_eq!(delete(&id_text, None).await.unwrap().status(), 401);
    assert_eq!(delete(&id_text, Some("wrong")).await.unwrap().status(), 401);
    let response = delete(&id_text, Some("secret")).await.unwrap();
    assert_eq!(response.status(), 200);
    let fact: Value = response.json().await.unwrap();
    assert_eq!(fact["id"], id);
    assert_eq!(
        fact["subject"], before["facts"][0]["subject"],
        "as extracted again"
    );
    assert_eq!(
        get("/api/facts?_size=1").await["total"].as_u64(),
        Some(total)
    );
    assert_eq!(
        get("/api/facts?subject=Zhanatas%20district").await["total"],
        0
    );
    let response = delete(&id_text, Some("secret")).await.unwrap();
    assert_eq!(response.status(), 404, "nothing left to undo");
    let response = delete("seven", Some("secret")).await.unwrap();
    assert_eq!(response.status(), 400);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer["error"]["parameter"], "id");
    // An edit is undone the same way, and its document says which facts are corrected.
    let response = post(id, serde_json::json!({"status": "planned"}))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let document: Value = reqwest::get(server.url(&format!("/api/documents/{doc}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(document["corrected"], serde_json::json!([id]));
    let response = delete(&id_text, Some("secret")).await.unwrap();
    assert_eq!(response.status(), 200);
    let fact: Value = response.json().await.unwrap();
    assert_eq!(fact["status"], before["facts"][0]["status"]);

    for (body, parameter) in [
        (serde_json::json!({"metric": "jobz"}), "metric"),
        (serde_json::json!({"period": "soon"}), "period"),
        (serde_json::json!({"value": "many"}), "value"),
        (serde_json::json!({"colour": "red"}), "."),
    ] {
        let response = post(1, body.clone()).await.unwrap();
        assert_eq!(response.status(), 400, "{body}");
        let answer: Value = response.json().await.unwrap();
        if parameter != "." {
            assert_eq!(answer["error"]["parameter"], parameter, "{body}: {answer}");
        }
    }
    let response = post(1, serde_json::json!({})).await.unwrap();
    assert_eq!(response.status(), 400, "a correction must change something");
}

// Pages.

/// Every page answers HTML with the security headers, and its `.json` twin JSON.
#[tokio::test]
async fn every_page_and_its_json_twin() {
    let server = Server::shared().await;
    for (page, twin) in [
        ("/", "/index.json"),
        ("/facts?metric=jobs", "/facts.json?metric=jobs"),
        ("/places", "/places.json"),
        ("/places/Almaty", "/places/Almaty.json"),
        ("/documents", "/documents.json"),
        (
            "/documents/aktau-port-2022",
            "/documents/aktau-port-2022.json",
        ),
        ("/promises", "/promises.json"),
        ("/checks", "/checks.json"),
    ] {
        let response = reqwest::get(server.url(page)).await.unwrap();
        assert_eq!(response.status(), 200, "{page}");
        let headers = response.headers().clone();
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{page}"
        );
        assert!(headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'"));
        let html = response.text().await.unwrap();
        let twin_path = twin.split('?').next().unwrap();
        assert!(
            html.contains(&format!("href=\"{twin_path}")),
            "{page} links its twin"
        );
        ok(&server, twin).await;
    }
    let missing = reqwest::get(server.url("/places/Atlantis")).await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("<html"));
}

/// Text, titles and URLs from documents are escaped wherever they are shown.
#[tokio::test]
async fn document_text_is_never_markup() {
    let server = Server::shared().await;
    for path in [
        format!("/documents/{HOSTILE_ID}"),
        "/documents".to_string(),
        "/facts?subject=Almaty&size=1000".to_string(),
        "/places/Almaty".to_string(),
        "/".to_string(),
    ] {
        let html = reqwest::get(server.url(&path))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!html.contains("<script>window"), "{path}");
        assert!(!html.contains("<img src=x"), "{path}");
        assert!(!html.contains("\"onmouseover="), "{path}");
        assert!(!html.contains("href=\"javascript:"), "{path}");
    }
    let html = reqwest::get(server.url(&format!("/documents/{HOSTILE_ID}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // Escaped, not removed: the reader sees what the article says.
    assert!(
        html.contains("&lt;script&gt;window.__pwned=2&lt;"),
        "{html}"
    );
    assert!(html.contains("&quot;onmouseover=window.__pwned=4"));
    assert!(html.contains("Results &lt;img src=x onerror="));
}

/// Responses as snapshots: a document's facts and the errors' shape.
#[tokio::test]
async fn snapshots_of_responses() {
    let server = Server::shared().await;
    let facts = ok(&server, "/api/facts?doc=aktau-port-2022&_facets=false").await;
    insta::assert_json_snapshot!("facts_of_aktau_port", facts);
    let (_, error) = get(&server, "/api/facts?metric=jobz").await;
    insta::assert_json_snapshot!("error_bad_metric", error);
}
