// Package jsonapi is the http-json-api workload on net/http + encoding/json.
package jsonapi

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"
)

// MaxBody is the request body limit; a body of exactly MaxBody bytes is accepted.
const MaxBody = 1 << 20

// Register adds the workload's routes. Method patterns make the mux itself
// answer 405 (with Allow) and 404, so other workloads can share the mux.
func Register(mux *http.ServeMux) {
	mux.HandleFunc("POST /items", createItem)
}

// Pointer fields because encoding/json does not report missing keys; nil
// means absent or null, both of which axum's Json extractor rejects with 422.
type item struct {
	Name  *string  `json:"name"`
	Price *float64 `json:"price"`
}

type created struct {
	Status string  `json:"status"`
	Tax    float64 `json:"tax"`
}

func createItem(w http.ResponseWriter, r *http.Request) {
	if !isJSON(r.Header.Get("Content-Type")) {
		http.Error(w, "expected a JSON Content-Type", http.StatusUnsupportedMediaType)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "body over 1 MiB", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "reading body failed", http.StatusBadRequest)
		return
	}
	// encoding/json silently replaces invalid UTF-8 with U+FFFD; serde_json
	// (the Rust side) rejects it as a syntax error.
	if !utf8.Valid(body) {
		http.Error(w, "body is not valid UTF-8", http.StatusBadRequest)
		return
	}
	var in item
	// Unmarshal, not Decoder.Decode: it rejects trailing data after the value.
	if err := json.Unmarshal(body, &in); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			http.Error(w, "malformed JSON: "+err.Error(), http.StatusBadRequest)
			return
		}
		// Everything else (*json.UnmarshalTypeError) is valid JSON of the wrong shape.
		http.Error(w, "invalid item: "+err.Error(), http.StatusUnprocessableEntity)
		return
	}
	if in.Name == nil || in.Price == nil {
		http.Error(w, `"name" (string) and "price" (number) are required`, http.StatusUnprocessableEntity)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(created{Status: "created", Tax: *in.Price * 0.19})
}

// isJSON accepts application/json and application/*+json, as axum does.
func isJSON(contentType string) bool {
	if contentType == "" {
		return false
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	typ, sub, ok := strings.Cut(mediaType, "/")
	return ok && typ == "application" && (sub == "json" || strings.HasSuffix(sub, "+json"))
}
