// Tests the vector loader and checker, including that planted mismatches are reported.
package vectors

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func ptr(s string) *string { return &s }

func TestCheckReportsMismatches(t *testing.T) {
	e := Expect{
		Status:      200,
		ContentType: "application/json",
		Headers:     map[string]string{"Allow": "POST"},
		BodyJSON:    ptr(`{"status":"created","tax":1.995}`),
	}
	rec := httptest.NewRecorder()
	rec.Header().Set("Content-Type", "text/plain")
	rec.WriteHeader(201)
	rec.WriteString(`{"status":"created","tax":2.0,"extra":1}`)
	diffs, err := CheckResponse(e, rec.Result())
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(diffs, "\n")
	for _, want := range []string{"status: got 201, want 200", "content type", "header Allow", "body$.tax: got 2, want 1.995", "body$.extra: unexpected"} {
		if !strings.Contains(all, want) {
			t.Errorf("differences lack %q; got:\n%s", want, all)
		}
	}
	if len(diffs) != 5 {
		t.Errorf("got %d differences, want 5:\n%s", len(diffs), all)
	}
}

func TestCheckAcceptsEquivalentJSON(t *testing.T) {
	e := Expect{Status: 200, ContentType: "application/json", BodyJSON: ptr(`{"status":"created","tax":19.0}`)}
	h := http.Header{"Content-Type": {"application/json; charset=utf-8"}}
	if d := Check(e, 200, h, []byte("{ \"tax\" : 1.9e1,\n\"status\":\"created\"}\n")); len(d) > 0 {
		t.Errorf("unexpected differences: %v", d)
	}
	// Doubles compare exactly: 0.1*0.19 is not 0.019.
	e.BodyJSON = ptr(`{"status":"created","tax":0.019000000000000003}`)
	if d := Check(e, 200, h, []byte(`{"status":"created","tax":0.019}`)); len(d) != 1 {
		t.Errorf("want one difference, got %v", d)
	}
	if d := Check(e, 200, h, []byte(`{"status":"created","tax":0.019000000000000003} x`)); len(d) != 1 {
		t.Errorf("trailing data after the body must be a difference, got %v", d)
	}
}

func TestCheckExactBodyAndHeadersPresent(t *testing.T) {
	e := Expect{
		Status:         200,
		ContentType:    "text/plain",
		Body:           ptr("Hello, World!"),
		HeadersPresent: []string{"Server", "Date"},
	}
	h := http.Header{
		"Content-Type": {"text/plain; charset=utf-8"},
		"Server":       {"x"},
		"Date":         {"Mon, 02 Jan 2006 15:04:05 GMT"},
	}
	if d := Check(e, 200, h, []byte("Hello, World!")); len(d) > 0 {
		t.Errorf("unexpected differences: %v", d)
	}

	// Planted: one byte too many in the body, and no Date header.
	delete(h, "Date")
	diffs := Check(e, 200, h, []byte("Hello, World!\n"))
	all := strings.Join(diffs, "\n")
	for _, want := range []string{`body: got "Hello, World!\n" (14 bytes), want "Hello, World!" (13 bytes)`, "header Date: missing"} {
		if !strings.Contains(all, want) {
			t.Errorf("differences lack %q; got:\n%s", want, all)
		}
	}
	if len(diffs) != 2 {
		t.Errorf("got %d differences, want 2:\n%s", len(diffs), all)
	}

	// Header names are case-insensitive; an expected empty body is checked too.
	e = Expect{Status: 200, Body: ptr(""), HeadersPresent: []string{"server"}}
	if d := Check(e, 200, h, nil); len(d) > 0 {
		t.Errorf("unexpected differences: %v", d)
	}
	if d := Check(e, 200, h, []byte("x")); len(d) != 1 || !strings.HasPrefix(d[0], "body: ") {
		t.Errorf("want one body difference, got %v", d)
	}
}

func TestLoadExpectations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.toml")
	text := "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\nbody='hi'\nheaders_present=['Server','Date']\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	vs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	e := vs[0].Expect
	if e.Body == nil || *e.Body != "hi" || strings.Join(e.HeadersPresent, ",") != "Server,Date" || e.BodyJSON != nil {
		t.Errorf("loaded %+v", e)
	}
}

// Every workload in the repository loads through the same loader.
func TestLoadEveryWorkload(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(root, "workloads", "*", "workload.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found %d workloads, want at least http-json-api and http-plaintext", len(files))
	}
	http := 0
	for _, f := range files {
		id := filepath.Base(filepath.Dir(f))
		vs, err := LoadWorkload(id)
		switch {
		case errors.Is(err, ErrBatchWorkload):
			continue // checksums, not vectors: the harness checks those
		case err != nil:
			t.Errorf("%s: %v", id, err)
		case len(vs) == 0:
			t.Errorf("%s: no vectors", id)
		}
		http++
	}
	if http < 3 {
		t.Errorf("found %d HTTP workloads with vectors, want at least hello-world, http-json-api, http-plaintext", http)
	}
	if _, err := LoadWorkload("json-parse"); !errors.Is(err, ErrBatchWorkload) {
		t.Errorf("LoadWorkload(json-parse) = %v, want ErrBatchWorkload", err)
	}
	vs, err := LoadWorkload("http-plaintext")
	if err != nil {
		t.Fatal(err)
	}
	if e := vs[0].Expect; vs[0].Name != "get-plaintext" || e.Body == nil || *e.Body != "Hello, World!" || len(e.HeadersPresent) != 2 {
		t.Errorf("first plaintext vector: %+v", vs[0])
	}
	for _, id := range []string{"", "..", "../workloads/http-plaintext", "no-such-workload"} {
		if _, err := LoadWorkload(id); err == nil {
			t.Errorf("LoadWorkload(%q) succeeded", id)
		}
	}
}

func TestLoadBodies(t *testing.T) {
	vs, err := LoadWorkload("http-json-api")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Vector{}
	for _, v := range vs {
		byName[v.Name] = v
	}
	// The sizes the vector file's comments promise.
	for name, size := range map[string]int{"body-exactly-1MiB": 1 << 20, "body-over-1MiB": 1<<20 + 1} {
		if got := len(byName[name].RawBody); got != size {
			t.Errorf("%s: body is %d bytes, want %d", name, got, size)
		}
	}
	if got := string(byName["invalid-utf8-in-string"].RawBody); got != "{\"name\":\"\xff\xfe\",\"price\":1}" {
		t.Errorf("body_hex decoded to %q", got)
	}
	if v := byName["get-items"]; v.RawBody != nil {
		t.Errorf("get-items has a body: %q", v.RawBody)
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	for name, text := range map[string]string{
		"unknown key":         "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\nstauts=1\n",
		"two bodies":          "[[vector]]\nname='a'\nmethod='GET'\npath='/'\nbody='x'\nbody_hex='78'\n[vector.expect]\nstatus=200\n",
		"no status":           "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n",
		"bad hex":             "[[vector]]\nname='a'\nmethod='GET'\npath='/'\nbody_hex='zz'\n[vector.expect]\nstatus=200\n",
		"bad json":            "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\nbody_json='{'\n",
		"two bodies expected": "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\nbody='{}'\nbody_json='{}'\n",
		"empty header name":   "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\nheaders_present=['Date','']\n",
		"headers_present map": "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\nheaders_present={Date='x'}\n",
		"misspelt new key":    "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\nheader_present=['Date']\n",
		"no vectors":          "",
		"duplicate":           "[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\n[[vector]]\nname='a'\nmethod='GET'\npath='/'\n[vector.expect]\nstatus=200\n",
	} {
		path := filepath.Join(t.TempDir(), "v.toml")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(path); err == nil {
			t.Errorf("%s: Load accepted it", name)
		}
	}
}
