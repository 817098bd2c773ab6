# expect: strict=deny standard=allow audit=allow
import click


@click.command()
@click.option("--count", default=1, show_default=True, help="Number of greetings.")
@click.argument("name")
def hello(count: int, name: str) -> None:
    """Greet NAME COUNT times."""
    for _ in range(count):
        click.echo(f"Hello, {name}!")


if __name__ == "__main__":
    hello()
