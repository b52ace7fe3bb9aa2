// Command parallax is the news story engine's command line: see
// `parallax help` and the README.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/parallax-news/parallax/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := cli.Run(ctx, os.Args[1:], cli.OSEnv())
	stop()
	os.Exit(cli.ExitCode(err, os.Stderr))
}
