// Tests flag and PORT parsing for the shared server plumbing.
package serve

import (
	"errors"
	"flag"
	"io"
	"testing"
)

func env(port string) func(string) string {
	return func(k string) string {
		if k == "PORT" {
			return port
		}
		return ""
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		args []string
		port string
		want Config
	}{
		{nil, "", Config{"127.0.0.1", 8080}},
		{nil, "9000", Config{"127.0.0.1", 9000}},
		{[]string{"--port", "18081"}, "9000", Config{"127.0.0.1", 18081}},
		{[]string{"--port=18082"}, "", Config{"127.0.0.1", 18082}},
		{[]string{"--port", "1"}, "junk", Config{"127.0.0.1", 1}}, // PORT unused when --port is given
		{[]string{"--host", "0.0.0.0"}, "", Config{"0.0.0.0", 8080}},
		{[]string{"--host=::1", "-port", "5"}, "", Config{"::1", 5}},
	} {
		got, err := Parse(tc.args, env(tc.port), io.Discard)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q, PORT=%q) = %+v, %v; want %+v", tc.args, tc.port, got, err, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		port string
	}{
		{[]string{"--x"}, ""},
		{[]string{"--port"}, ""},
		{[]string{"--port", "70000"}, ""},
		{[]string{"--port", "-1"}, ""},
		{nil, "abc"},
		{[]string{"8080"}, ""},
	} {
		if got, err := Parse(tc.args, env(tc.port), io.Discard); err == nil {
			t.Errorf("Parse(%q, PORT=%q) = %+v, want an error", tc.args, tc.port, got)
		}
	}
	if _, err := Parse([]string{"-h"}, env(""), io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: got %v, want flag.ErrHelp", err)
	}
}
