//! The OpenAPI document: valid OpenAPI 3.1 (checked against the OpenAPI Initiative's JSON
//! Schema in `tests/data`), every route of the API described and every described route
//! served, and the answers of the API valid against the schemas it documents.

mod common;

use common::Server;
use serde_json::{json, Value};

async fn document(server: &Server) -> Value {
    reqwest::get(server.url("/api/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).unwrap();
    validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[tokio::test]
async fn the_document_is_valid_openapi_3_1() {
    let server = Server::shared().await;
    let served = reqwest::get(server.url("/api/openapi.json"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let doc: Value = serde_json::from_str(&served).unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1."),
        "{}",
        doc["openapi"]
    );
    let schema: Value = serde_json::from_str(include_str!("data/openapi-3.1-schema.json")).unwrap();
    let found = errors(&schema, &doc);
    assert!(found.is_empty(), "{found:#?}");
    // The served document is the one the code generates, byte for byte.
    let generated = almanac_server::openapi();
    assert_eq!(served, serde_json::to_string(&generated).unwrap());
    // A change of the API shows as a change of this snapshot, for review. It is the served
    // document with only whitespace added, so that a change of the order of its keys (a
    // `Value` would sort them) shows too.
    insta::assert_snapshot!("openapi", generated.to_pretty_json().unwrap());
    // Every operation says what it does, and each parameter what it is.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(
                op["description"].is_string() || op["summary"].is_string(),
                "{method} {path}"
            );
            for param in op["parameters"].as_array().into_iter().flatten() {
                assert!(
                    param["description"].is_string(),
                    "{method} {path} {}",
                    param["name"]
                );
            }
        }
    }
}

/// A sample value for a parameter, to call the operation.
fn sample(name: &str) -> &'static str {
    match name {
        "name" | "subject" => "Almaty",
        "doc" => "aktau-port-2022",
        "metric" => "jobs",
        "id" => "1",
        _ => "",
    }
}

/// Every described operation is served (it answers, with something else than 405 or
/// the router's 404), and no other method is served on its path; the API's routes are only ever added
/// through `routes!`, which describes them.
#[tokio::test]
async fn every_route_is_described_and_every_description_served() {
    let server = Server::shared().await;
    let doc = document(&server).await;
    let client = reqwest::Client::new();
    let mut described = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        let mut url = path.clone();
        let mut query = Vec::new();
        for op in item.as_object().unwrap().values() {
            for param in op["parameters"].as_array().into_iter().flatten() {
                let name = param["name"].as_str().unwrap();
                match param["in"].as_str().unwrap() {
                    "path" => url = url.replace(&format!("{{{name}}}"), sample(name)),
                    _ if param["required"] == true => {
                        query.push(format!("{name}={}", sample(name)))
                    }
                    _ => {}
                }
            }
        }
        let url = format!("{url}?{}", query.join("&"));
        for method in ["get", "post", "put", "delete", "patch"] {
            let response = client
                .request(method.to_uppercase().parse().unwrap(), server.url(&url))
                .bearer_auth("secret")
                .body("{}")
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            // A route's own 404 (no correction to undo) names what is missing; the
            // router's says there is nothing at the path.
            let body = response.text().await.unwrap();
            let unrouted = status == 405 || (status == 404 && body.contains("nothing at"));
            if item.get(method).is_some() {
                described += 1;
                assert!(!unrouted, "{method} {url}: {status} {body}");
            } else {
                assert_eq!(status, 405, "{method} {url} is served but not described");
            }
        }
    }
    assert!(described >= 12, "{described} operations");
    // The routers: the API's only through `routes!` (in any file of `src/api/`), the
    // pages' never under /api/.
    let api = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/api");
    for file in std::fs::read_dir(api).unwrap() {
        let path = file.unwrap().path();
        assert!(
            !std::fs::read_to_string(&path).unwrap().contains(".route("),
            "{}: an API route added without its description",
            path.display()
        );
    }
    let pages = include_str!("../src/pages.rs");
    assert!(!pages.contains(".route(\"/api"), "a page under /api/");
}

/// The answers validate against the schemas the document gives for them.
#[tokio::test]
async fn answers_match_their_documented_schemas() {
    let server = Server::shared().await;
    let doc = document(&server).await;
    for (path, schema) in [
        ("/api/facts?metric=jobs&size=20", "FactsPage"),
        ("/api/facts?size=1000", "FactsPage"),
        ("/api/entities", "EntityList"),
        ("/api/entities/Almaty", "PlaceView"),
        ("/api/documents", "DocumentList"),
        ("/api/documents/aktau-port-2022", "DocumentView"),
        ("/api/checks", "CheckList"),
        ("/api/promises", "PromiseList"),
        ("/api/facts?metric=nothing", "ErrorBody"),
    ] {
        let answer: Value = reqwest::get(server.url(path))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let wrapper = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$ref": format!("#/components/schemas/{schema}"),
            "components": doc["components"],
        });
        let found = errors(&wrapper, &answer);
        assert!(found.is_empty(), "{path} against {schema}: {found:#?}");
    }
}
