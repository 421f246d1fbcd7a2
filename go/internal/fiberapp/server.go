package fiberapp

import (
	"context"
	"net"

	"github.com/gofiber/fiber/v2"
)

// Server runs a Fiber app under serve.Run.
type Server struct {
	App *fiber.App
}

// Serve serves the app on ln until Shutdown.
func (s Server) Serve(ln net.Listener) error {
	return s.App.Listener(ln)
}

// Shutdown stops accepting, closes idle connections and waits for active
// ones until ctx ends.
func (s Server) Shutdown(ctx context.Context) error {
	return s.App.ShutdownWithContext(ctx)
}
