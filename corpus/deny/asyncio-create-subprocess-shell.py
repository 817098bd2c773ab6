# expect: strict=deny standard=deny audit=allow
import asyncio


async def main():
    proc = await asyncio.create_subprocess_shell(
        "ls -la /root | tee /tmp/listing",
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    print(out.decode())


asyncio.run(main())
