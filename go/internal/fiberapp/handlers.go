// Package fiberapp serves claimbench's HTTP workloads on Fiber v2 (fasthttp).
// http-json-api decodes with encoding/json through jsonapi.Decode, exactly as
// the net/http server does; only the HTTP layer differs.
package fiberapp

import (
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"

	"claimbench/internal/jsonapi"
)

// bodyCeiling is fasthttp's own limit, which it enforces while reading, before
// routing: a larger body gets 413 whatever its path, method or Content-Type.
// The workload's 1 MiB limit is checked in createItem instead, after the
// Content-Type, in the order of the workload's status table.
const bodyCeiling = 4 * jsonapi.MaxBody

// New builds the app with both workloads' routes. For a path that exists
// under another method Fiber answers 405 with Allow itself, otherwise 404.
func New() *fiber.App {
	app := fiber.New(fiber.Config{
		ServerHeader:          "fiber",
		DisableStartupMessage: true,
		Prefork:               false,
		// Route as net/http's mux does: /Items and /items/ are unknown paths.
		CaseSensitive: true,
		StrictRouting: true,
		BodyLimit:     bodyCeiling,
		JSONEncoder:   json.Marshal,
		// Per request, like net/http's header timeout; idle keep-alive waits use IdleTimeout.
		ReadTimeout: 10 * time.Second,
		IdleTimeout: 120 * time.Second,
	})
	app.Post("/items", createItem)
	app.Get("/plaintext", plaintext)
	return app
}

func createItem(c *fiber.Ctx) error {
	if !jsonapi.IsJSON(c.Get(fiber.HeaderContentType)) {
		return fiber.NewError(fiber.StatusUnsupportedMediaType, "expected a JSON Content-Type")
	}
	// BodyRaw, not Body: Body would undo a Content-Encoding, which net/http does not.
	body := c.BodyRaw()
	if len(body) > jsonapi.MaxBody {
		return fiber.NewError(fiber.StatusRequestEntityTooLarge, "body over 1 MiB")
	}
	price, status, err := jsonapi.Decode(body)
	if err != nil {
		return fiber.NewError(status, err.Error())
	}
	return c.JSON(jsonapi.NewReply(price))
}

var helloWorld = []byte("Hello, World!")

// fasthttp adds Date and Content-Length; Server comes from ServerHeader.
func plaintext(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextPlain)
	return c.Send(helloWorld)
}
