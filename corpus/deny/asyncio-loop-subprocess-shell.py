# expect: strict=deny standard=deny audit=allow
import asyncio


class Proto(asyncio.SubprocessProtocol):
    pass


async def main():
    loop = asyncio.get_running_loop()
    await loop.subprocess_shell(Proto, "id > /tmp/id.txt")


asyncio.run(main())
