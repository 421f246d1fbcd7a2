package plaintext

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestPlaintext(t *testing.T) {
	mux := http.NewServeMux()
	Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	res, err := http.Get(srv.URL + "/plaintext")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || string(body) != "Hello, World!" {
		t.Fatalf("got %d %q, want 200 \"Hello, World!\"", res.StatusCode, body)
	}
	for name, want := range map[string]string{"Content-Type": "text/plain", "Server": "nethttp", "Content-Length": "13"} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	if res.Header.Get("Date") == "" {
		t.Error("no Date header")
	}

	res, err = http.Post(srv.URL+"/plaintext", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 405 {
		t.Errorf("POST: got %d, want 405", res.StatusCode)
	}
}
