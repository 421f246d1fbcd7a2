//! The actix-web implementation of claimbench's HTTP workloads (routes and handlers).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::error::{InternalError, JsonPayloadError};
use actix_web::guard::{self, GuardContext};
use actix_web::http::header::{self, ContentType};
use actix_web::http::{Method, StatusCode};
use actix_web::{mime, web, App, Error, HttpRequest, HttpResponse, Responder};
use serde::{Deserialize, Serialize};

/// The body limit of http-json-api: exactly 1 MiB is accepted, one byte more is 413.
pub const MAX_BODY: usize = 1 << 20;

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

/// POST /items with a JSON media type; `web::Json` reads and decodes the body, and
/// `json_error` turns its errors into the contract's 413/400/422.
pub async fn create(item: web::Json<Item>) -> web::Json<Created> {
    web::Json(Created {
        status: "created",
        tax: item.price * 0.19,
    })
}

/// Anything else that reaches /items: a POST without a JSON media type is 415, any other
/// method 405. (A custom default service replaces actix's generated 405, which would
/// otherwise also answer the POSTs the media-type guard turns away.)
pub async fn items_fallback(req: HttpRequest) -> HttpResponse {
    if req.method() == Method::POST {
        HttpResponse::UnsupportedMediaType().body("expected a JSON Content-Type")
    } else {
        HttpResponse::MethodNotAllowed()
            .insert_header((header::ALLOW, "POST"))
            .finish()
    }
}

/// The contract's JSON media types: `application/json` and `application/*+json`,
/// parameters allowed, the same test as axum's `Json`. Actix's own check in `web::Json`
/// would also take `text/json` or `text/x+json` (any subtype `json` or suffix `+json`),
/// and a `JsonConfig::content_type` predicate can only widen it, so the contract's check
/// is a route guard. `web::Json`'s own check stays on: behind the guard it always passes
/// (and turning it off would not skip its parse of the header).
pub fn is_json_media_type(ctx: &GuardContext<'_>) -> bool {
    ctx.header::<ContentType>().is_some_and(|ContentType(m)| {
        m.type_() == mime::APPLICATION
            && (m.subtype() == mime::JSON || m.suffix() == Some(mime::JSON))
    })
}

/// Maps `web::Json`'s errors onto the contract's status table.
pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> Error {
    let status = match &err {
        JsonPayloadError::ContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            StatusCode::PAYLOAD_TOO_LARGE
        }
        // Valid JSON of the wrong shape: not an object, a missing or null field, a field
        // of the wrong type. Syntax and EOF errors (empty, truncated, trailing data,
        // invalid UTF-8 in a decoded string) stay 400.
        JsonPayloadError::Deserialize(e) if e.classify() == serde_json::error::Category::Data => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        JsonPayloadError::Deserialize(_) => StatusCode::BAD_REQUEST,
        // Payload read errors (e.g. the connection ended early) keep actix's own status.
        _ => actix_web::ResponseError::status_code(&err),
    };
    InternalError::new(err, status).into()
}

/// JSON extractor settings for /items.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(MAX_BODY)
        .error_handler(json_error)
}

/// GET /plaintext (http-plaintext): actix-http adds Date and Content-Length on the wire;
/// Server is set here because TechEmpower's rules require it.
pub async fn plaintext() -> impl Responder {
    HttpResponse::Ok()
        .insert_header((header::SERVER, "actix"))
        .content_type("text/plain")
        .body("Hello, World!")
}

/// Registers every workload this server implements. Unknown paths get actix's 404;
/// /plaintext answers other methods with actix's 405.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/items")
            .app_data(json_config())
            .route(
                web::post()
                    .guard(guard::fn_guard(is_json_media_type))
                    .to(create),
            )
            .default_service(web::to(items_fallback)),
    )
    .service(web::resource("/plaintext").route(web::get().to(plaintext)));
}

/// The application: `configure` on an empty `App`.
pub fn app() -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = Error,
        InitError = (),
    >,
> {
    App::new().configure(configure)
}
