// Tests flag and PORT parsing for the shared server plumbing.
package serve

import (
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"
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

// fake is a Server that accepts until its listener is closed.
type fake struct {
	serving  chan net.Addr
	shutdown chan struct{}
	mu       sync.Mutex
	ln       net.Listener
}

func (f *fake) Serve(ln net.Listener) error {
	f.mu.Lock()
	f.ln = ln
	f.mu.Unlock()
	f.serving <- ln.Addr()
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		c.Close()
	}
}

func (f *fake) Shutdown(context.Context) error {
	close(f.shutdown)
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.ln.Close()
}

// SIGTERM makes Serve shut the server down and return nil (exit code 0).
func TestServeStopsOnSIGTERM(t *testing.T) {
	f := &fake{serving: make(chan net.Addr, 1), shutdown: make(chan struct{})}
	done := make(chan error, 1)
	go func() { done <- Serve(Config{Host: "127.0.0.1", Port: 0}, f) }()
	select {
	case addr := <-f.serving:
		t.Logf("serving on %s", addr)
	case err := <-done:
		t.Fatalf("Serve returned before serving: %v", err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after SIGTERM: %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after SIGTERM")
	}
	select {
	case <-f.shutdown:
	default:
		t.Error("Shutdown was not called")
	}
}
