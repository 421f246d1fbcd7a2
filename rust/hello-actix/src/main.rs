//! The smallest idiomatic actix-web server. claimbench reports its lines of code, build
//! times, binary size and startup (workload hello-world).
use actix_web::{get, App, HttpServer, Responder};

#[get("/")]
async fn hello() -> impl Responder {
    "Hello, World!"
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::var("PORT")
        .expect("PORT is set")
        .parse()
        .expect("PORT is a port number");
    HttpServer::new(|| App::new().service(hello))
        .bind(("127.0.0.1", port))?
        .run()
        .await
}
