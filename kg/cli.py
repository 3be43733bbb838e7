def main() -> None:  # replaced by the typer app
    raise SystemExit("kg: not yet")
