// Package serve is the process plumbing (flags, listen, graceful stop) shared by every Go server in claimbench.
package serve

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Config says where a server listens.
type Config struct {
	Host string
	Port uint16
}

// shutdownTimeout bounds the graceful stop; benchmark requests take microseconds.
const shutdownTimeout = 5 * time.Second

// Parse reads --host and --port; getenv and out are parameters so tests need
// not touch the process environment. PORT is consulted only without --port,
// matching the Rust servers (rust/common/src/serve.rs).
func Parse(args []string, getenv func(string) string, out io.Writer) (Config, error) {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(out)
	host := fs.String("host", "127.0.0.1", "address to bind")
	port := fs.String("port", "", "port to bind (default $PORT, else 8080)")
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected argument %q", fs.Arg(0))
		fmt.Fprintln(out, err)
		fs.Usage()
		return Config{}, err
	}
	p := *port
	if p == "" {
		p = strings.TrimSpace(getenv("PORT"))
	}
	if p == "" {
		p = "8080"
	}
	n, err := strconv.ParseUint(p, 10, 16)
	if err != nil {
		err = fmt.Errorf("invalid port %q", p)
		fmt.Fprintln(out, err)
		return Config{}, err
	}
	return Config{Host: *host, Port: uint16(n)}, nil
}

// Server is what Serve runs: it serves connections from a listener until
// Shutdown. *http.Server is one; internal/fiberapp adapts a Fiber app.
type Server interface {
	Serve(net.Listener) error
	Shutdown(context.Context) error
}

// Main serves h on net/http; see Run.
func Main(h http.Handler) int {
	return Run(NewHTTPServer(h))
}

// NewHTTPServer is the net/http server for h. Only a header timeout (against
// stalled clients) and an idle timeout: read/write timeouts could cut into
// long benchmark connections.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
}

// Run parses os.Args, runs srv until SIGTERM or SIGINT, and returns the
// exit code: 0 after a clean stop or -h, 2 for a usage error, 1 otherwise.
func Run(srv Server) int {
	log.SetOutput(os.Stderr)
	cfg, err := Parse(os.Args[1:], os.Getenv, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	if err := Serve(cfg, srv); err != nil {
		log.Print(err)
		return 1
	}
	return 0
}

// Serve listens on cfg, runs srv, and returns nil once a signal has stopped it.
func Serve(cfg Config, srv Server) error {
	// Installed before listening so that a signal sent as soon as the
	// "listening" line appears is never lost.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	ln, err := net.Listen("tcp", net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port))))
	if err != nil {
		return err
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Printf("listening on %s", ln.Addr())

	select {
	case err := <-served:
		if err == nil {
			err = errors.New("server stopped without a signal")
		}
		return err
	case <-ctx.Done():
	}
	stop() // a second signal now kills the process the default way
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		// A client that outlives the timeout should not make a requested stop look like a crash.
		log.Printf("forcing close after %s: %v", shutdownTimeout, err)
		if c, ok := srv.(io.Closer); ok {
			c.Close()
		}
	}
	log.Print("stopped")
	return nil
}
