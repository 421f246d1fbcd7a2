// Package jsonapi is the http-json-api workload on net/http + encoding/json.
package jsonapi

import (
	"encoding/json"
	"errors"
	"fmt"
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

// Reply is the body of a 200 answer.
type Reply struct {
	Status string  `json:"status"`
	Tax    float64 `json:"tax"`
}

// NewReply is the answer to an item with this price.
func NewReply(price float64) Reply {
	return Reply{Status: "created", Tax: price * 0.19}
}

func createItem(w http.ResponseWriter, r *http.Request) {
	if !IsJSON(r.Header.Get("Content-Type")) {
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
	price, status, err := Decode(body)
	if err != nil {
		http.Error(w, err.Error(), status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(NewReply(price))
}

// Decode reads an item from a request body that is within MaxBody and
// returns its price with status 200, or, for a bad body, the status the
// workload gives it (400 malformed JSON, 422 wrong shape) and why. Every Go
// server in claimbench decodes through it, so they all use encoding/json alike.
func Decode(body []byte) (price float64, status int, err error) {
	// encoding/json silently replaces invalid UTF-8 with U+FFFD; serde_json
	// (the Rust side) rejects it as a syntax error.
	if !utf8.Valid(body) {
		return 0, http.StatusBadRequest, errors.New("body is not valid UTF-8")
	}
	var in item
	// Unmarshal, not Decoder.Decode: it rejects trailing data after the value.
	if err := json.Unmarshal(body, &in); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return 0, http.StatusBadRequest, fmt.Errorf("malformed JSON: %w", err)
		}
		// Everything else (*json.UnmarshalTypeError) is valid JSON of the wrong shape.
		return 0, http.StatusUnprocessableEntity, fmt.Errorf("invalid item: %w", err)
	}
	if in.Name == nil || in.Price == nil {
		return 0, http.StatusUnprocessableEntity, errors.New(`"name" (string) and "price" (number) are required`)
	}
	return *in.Price, http.StatusOK, nil
}

// IsJSON accepts application/json and application/*+json, as axum does.
func IsJSON(contentType string) bool {
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
