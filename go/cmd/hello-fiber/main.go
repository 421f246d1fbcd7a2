// Command hello-fiber is the smallest idiomatic Fiber server. claimbench reports its
// lines of code, build times, binary size and startup (workload hello-world).
package main

import (
	"log"
	"os"

	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error {
		return c.SendString("Hello, World!")
	})
	log.Fatal(app.Listen("127.0.0.1:" + os.Getenv("PORT")))
}
