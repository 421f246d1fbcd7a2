// Runs every vector of both workloads against the Fiber app on a real listener.
package fiberapp

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"claimbench/internal/jsonapi"
	"claimbench/internal/vectors"
)

// start serves a new app on 127.0.0.1:0 (fasthttp's real connection and body
// paths, unlike app.Test) and returns its base URL; the app stops with the test.
func start(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := Server{App: New()}
	served := make(chan error, 1)
	go func() { served <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

func TestJSONAPIVectors(t *testing.T) {
	vectors.RunWorkload(t, "http-json-api", start(t))
}

func TestPlaintextVectors(t *testing.T) {
	vectors.RunWorkload(t, "http-plaintext", start(t))
}

func do(t *testing.T, method, url, contentType, body string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

// Beyond the vectors: the table's order (404, 405, 415 before 413) for bodies
// over 1 MiB, net/http's routing of case and trailing slashes, and the headers.
func TestStatusOrderAndRouting(t *testing.T) {
	base := start(t)
	big := `{"name":"` + strings.Repeat("a", jsonapi.MaxBody) + `","price":1}`
	for _, tc := range []struct {
		method, path, contentType, body string
		status                          int
		allow                           string
	}{
		{"POST", "/items", "text/plain", big, 415, ""},
		{"POST", "/items", "application/json", big, 413, ""},
		{"POST", "/nope", "application/json", big, 404, ""},
		{"PUT", "/items", "application/json", big, 405, "POST"},
		{"POST", "/items/", "application/json", `{"name":"a","price":1}`, 404, ""},
		{"POST", "/ITEMS", "application/json", `{"name":"a","price":1}`, 404, ""},
		{"GET", "/plaintext/", "", "", 404, ""},
		{"POST", "/plaintext", "text/plain", "hi", 405, "GET, HEAD"},
	} {
		res, _ := do(t, tc.method, base+tc.path, tc.contentType, tc.body)
		if got := res.Header.Get("Allow"); res.StatusCode != tc.status || got != tc.allow {
			t.Errorf("%s %s (%s, %d bytes): got %d Allow %q, want %d Allow %q",
				tc.method, tc.path, tc.contentType, len(tc.body), res.StatusCode, got, tc.status, tc.allow)
		}
	}

	// Over fasthttp's ceiling the Content-Length alone draws a 413, before routing,
	// and the connection is closed; sent raw, as a client still writing the body
	// could meet a reset instead of reading the answer.
	for _, path := range []string{"/items", "/nope"} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", path, bodyCeiling+1)
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode != 413 {
			t.Errorf("POST %s with Content-Length %d: got %d, want 413", path, bodyCeiling+1, res.StatusCode)
		}
		conn.Close()
	}

	res, body := do(t, "GET", base+"/plaintext", "", "")
	if body != "Hello, World!" || res.Header.Get("Server") != "fiber" || res.Header.Get("Content-Type") != "text/plain" ||
		res.Header.Get("Content-Length") != "13" {
		t.Errorf("GET /plaintext: %q with headers %v", body, res.Header)
	}
	if _, err := http.ParseTime(res.Header.Get("Date")); err != nil {
		t.Errorf("Date %q: %v", res.Header.Get("Date"), err)
	}
	res, body = do(t, "POST", base+"/items", "application/json", `{"name":"widget","price":10.5}`)
	if body != `{"status":"created","tax":1.995}` || res.Header.Get("Content-Type") != "application/json" {
		t.Errorf("POST /items: %q as %q", body, res.Header.Get("Content-Type"))
	}
}

// Shutdown closes idle keep-alive connections, so it returns at once.
func TestShutdownWithIdleConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := Server{App: New()}
	served := make(chan error, 1)
	go func() { served <- s.Serve(ln) }()
	res, _ := do(t, "GET", "http://"+ln.Addr().String()+"/plaintext", "", "") // leaves an idle connection
	if res.StatusCode != 200 {
		t.Fatalf("GET /plaintext: %d", res.StatusCode)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	began := time.Now()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve after Shutdown: %v", err)
	}
	t.Logf("shutdown took %s", time.Since(began))
}
