// Command nethttp serves claimbench's HTTP workloads on net/http (Go standard library).
package main

import (
	"net/http"
	"os"

	"claimbench/internal/jsonapi"
	"claimbench/internal/plaintext"
	"claimbench/internal/serve"
)

func main() {
	mux := http.NewServeMux()
	jsonapi.Register(mux)
	plaintext.Register(mux)
	os.Exit(serve.Main(mux))
}
