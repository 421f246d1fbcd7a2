//! The axum implementation of claimbench's HTTP workloads (router and handlers).

use axum::extract::DefaultBodyLimit;
use axum::http::header::{CONTENT_TYPE, SERVER};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

/// The request of http-json-api; extra fields are accepted, as the contract requires.
#[derive(Deserialize)]
pub struct Item {
    #[allow(dead_code)] // decoded to enforce the shape, never read
    name: String,
    price: f64,
}

#[derive(Serialize)]
pub struct Created {
    status: &'static str,
    tax: f64,
}

/// POST /items: axum's `Json` rejections give the contract's 400/415/422.
pub async fn handle_create(Json(item): Json<Item>) -> Json<Created> {
    Json(Created {
        status: "created",
        tax: item.price * 0.19,
    })
}

/// GET /plaintext (http-plaintext): hyper adds Date and Content-Length on the wire;
/// Server is set here because TechEmpower's rules require it.
pub async fn handle_plaintext() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "text/plain"), (SERVER, "axum")],
        "Hello, World!",
    )
}

/// The router for every workload this server implements. Method routers answer 405
/// (with Allow) for other methods; unknown paths get the router's 404.
pub fn app() -> Router {
    Router::new()
        .route("/items", post(handle_create))
        .route("/plaintext", get(handle_plaintext))
        // The contract's limit is exactly 1 MiB (axum's default is 2 MiB); only
        // extractors that read a body (Json on /items) are affected.
        .layer(DefaultBodyLimit::max(1 << 20))
}
