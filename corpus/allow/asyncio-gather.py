# expect: strict=deny standard=allow audit=allow
import asyncio
import random


async def fetch(i: int) -> str:
    await asyncio.sleep(random.uniform(0.01, 0.05))
    return f"result-{i}"


async def main() -> None:
    results = await asyncio.gather(*(fetch(i) for i in range(5)))
    print(results)


if __name__ == "__main__":
    asyncio.run(main())
