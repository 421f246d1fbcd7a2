// Runs every http-json-api vector against the mux over a real HTTP server.
package jsonapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"claimbench/internal/vectors"
)

func TestVectors(t *testing.T) {
	mux := http.NewServeMux()
	Register(mux)
	// A real server, so the 1 MiB vectors go through the real body path.
	srv := httptest.NewServer(mux)
	defer srv.Close()
	vectors.RunWorkload(t, "http-json-api", srv.URL)
}

func TestDecode(t *testing.T) {
	for body, want := range map[string]int{
		`{"name":"a","price":2.5}`:        200,
		`{"name":"a","price":2.5} `:       200,
		``:                                400,
		`{"name":"a","price":1}{}`:        400,
		"{\"name\":\"\xff\",\"price\":1}": 400,
		`{"name":"a"}`:                    422,
		`{"name":"a","price":null}`:       422,
		`[]`:                              422,
	} {
		price, status, err := Decode([]byte(body))
		if status != want || (err == nil) != (want == 200) {
			t.Errorf("Decode(%q) = %v, %d, %v; want status %d", body, price, status, err, want)
		}
		if want == 200 && price != 2.5 {
			t.Errorf("Decode(%q) price = %v, want 2.5", body, price)
		}
	}
}

func TestIsJSON(t *testing.T) {
	for ct, want := range map[string]bool{
		"application/json":                  true,
		"Application/JSON; charset=UTF-8":   true,
		"application/problem+json":          true,
		"":                                  false,
		"text/json":                         false,
		"application/jsonx":                 false,
		"application/json; charset":         false, // unparsable parameters
		"application/x-www-form-urlencoded": false,
	} {
		if got := IsJSON(ct); got != want {
			t.Errorf("IsJSON(%q) = %v, want %v", ct, got, want)
		}
	}
}
