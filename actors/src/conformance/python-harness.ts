/**
 * The script `python3` runs for a conformance report (passed with `-c`).
 *
 * It imports the module by file path, then serves requests, one JSON object
 * per line on its stdin, answering one JSON line each on its stdout. User
 * code's own prints go to stderr (fd 1 is redirected), so they cannot corrupt
 * the protocol; fd 0 is /dev/null to user code.
 *
 *   argv: module_path module_name timeout_ms deep_recursion_limit
 *   first line out: {"ready": true, "version", "executable", "functions"}
 *                or {"importError": {"type", "message"}}
 *   request:  {"id", "op": "call" | "probe", "fn", "args": [arg], "deep": bool, "returns": "int" | "float" | ...}
 *   arg:      {"t": "int", "v": "<decimal>"} | {"t": "float", "b": "<16 hex digits>"} | {"t": "bool", "v": bool}
 *   response: {"id", "outcome": outcome, "wide"?: bool}
 *   outcome:  {"k": "value", "v": value, "ms"} | {"k": "exc", "type", "message", "ms"} | {"k": "timeout", "ms"}
 *   value:    arg | {"t": "none"} | {"t": "hugeint", "n": bits, "neg": bool} | {"t": "other", "r": repr}
 *             an int returned where `returns` is float (a bool where it is int)
 *             is converted, as JS receives it, and marked {"from": "int"}
 *
 * Each call runs under a SIGALRM timer (`signal.setitimer`), so a runaway
 * loop or recursion raises inside the interpreter and the harness reports a
 * timeout. (Long computations inside one C call, e.g. a giant `**`, are not
 * interruptible; the JS side kills the process for those.)
 *
 * `call`: runs the call at the default recursion limit (what `python3` does),
 * or with `deep` set, with the limit raised to the given depth: what the
 * function computes when the recursion is allowed to go deeper (asked for
 * after a RecursionError that Portalis did not raise).
 *
 * `probe`: runs the call on a copy of the module whose every arithmetic
 * result, call result and augmented assignment passes through a check that
 * notes ints outside the signed 64-bit range; `wide` says whether one was
 * seen. Used to tell "Portalis raised OverflowError because an intermediate
 * value needed a big int" (a known limitation) from a wrong OverflowError.
 */
export const PYTHON_HARNESS = String.raw`
import ast, importlib.util, json, os, platform, signal, struct, sys, time

PROTO_IN = os.fdopen(os.dup(0), 'r', encoding='utf-8')
PROTO_OUT = os.fdopen(os.dup(1), 'w', encoding='utf-8')
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.dup2(2, 1)
sys.stdout = sys.stderr

MODULE_PATH, MODULE_NAME = sys.argv[1], sys.argv[2]
TIMEOUT_S = int(sys.argv[3]) / 1000.0
DEEP_LIMIT = int(sys.argv[4])
I64_MIN, I64_MAX = -(1 << 63), (1 << 63) - 1

try:
    import resource
    _soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    _cap = 4 << 30
    if _soft == resource.RLIM_INFINITY or _soft > _cap:
        resource.setrlimit(resource.RLIMIT_AS, (_cap, _hard))
except Exception:
    pass


class _PortalisTimeout(BaseException):
    pass


_armed = [False]


def _on_alarm(signum, frame):
    if _armed[0]:
        _armed[0] = False
        raise _PortalisTimeout()


signal.signal(signal.SIGALRM, _on_alarm)
# Ctrl-C in the terminal reaches this process too; the JS side decides what
# stops it (an interrupted call must not be recorded as a KeyboardInterrupt).
signal.signal(signal.SIGINT, signal.SIG_IGN)


def send(obj):
    PROTO_OUT.write(json.dumps(obj) + '\n')
    PROTO_OUT.flush()


def decode(a):
    t = a['t']
    if t == 'int':
        return int(a['v'])
    if t == 'float':
        return struct.unpack('>d', bytes.fromhex(a['b']))[0]
    if t == 'bool':
        return bool(a['v'])
    raise ValueError('bad argument ' + repr(a))


def encode(v, returns=None):
    # PEP 484's numeric tower: an int where the annotation says float (and a
    # bool where it says int) is accepted, and reaches JS as the wider type.
    if returns == 'float' and type(v) in (int, bool):
        try:
            f = float(v)
        except OverflowError:
            return encode(v)
        e = encode(f)
        e['from'] = type(v).__name__
        return e
    if returns == 'int' and type(v) is bool:
        e = encode(int(v))
        e['from'] = 'bool'
        return e
    if v is None:
        return {'t': 'none'}
    if type(v) is bool:
        return {'t': 'bool', 'v': v}
    if type(v) is int:
        if v.bit_length() > 60000:
            return {'t': 'hugeint', 'n': v.bit_length(), 'neg': v < 0}
        old = sys.get_int_max_str_digits() if hasattr(sys, 'get_int_max_str_digits') else None
        if old is not None:
            sys.set_int_max_str_digits(0)
        try:
            return {'t': 'int', 'v': str(v)}
        finally:
            if old is not None:
                sys.set_int_max_str_digits(old)
    if type(v) is float:
        return {'t': 'float', 'b': struct.pack('>d', v).hex()}
    try:
        r = repr(v)
    except BaseException:
        r = '<unprintable>'
    if len(r) > 200:
        r = r[:200] + '...'
    return {'t': 'other', 'r': type(v).__name__ + ': ' + r}


def describe_exc(e):
    try:
        message = str(e)
    except BaseException:
        message = '<unprintable message>'
    return type(e).__name__, message


def run_timed(thunk, returns=None):
    """Runs thunk() under the per-call timer; returns an outcome dict."""
    t0 = time.perf_counter()
    try:
        _armed[0] = True
        signal.setitimer(signal.ITIMER_REAL, TIMEOUT_S)
        try:
            v = thunk()
        finally:
            _armed[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
        ms = (time.perf_counter() - t0) * 1000
        return {'k': 'value', 'v': encode(v, returns), 'ms': ms}
    except _PortalisTimeout:
        return {'k': 'timeout', 'ms': (time.perf_counter() - t0) * 1000}
    except BaseException as e:
        ms = (time.perf_counter() - t0) * 1000
        name, message = describe_exc(e)
        return {'k': 'exc', 'type': name, 'message': message, 'ms': ms}


def with_recursion_limit(limit, thunk):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        return thunk()
    finally:
        sys.setrecursionlimit(old)


def load(name, path, transform=None):
    with open(path, 'r', encoding='utf-8') as f:
        source = f.read()
    tree = ast.parse(source, path)
    if transform is not None:
        tree = ast.fix_missing_locations(transform.visit(tree))
    code = compile(tree, path, 'exec')
    spec = importlib.util.spec_from_loader(name, loader=None, origin=path)
    module = importlib.util.module_from_spec(spec)
    module.__file__ = path
    if transform is not None:
        module.__dict__['__portalis_chk__'] = _chk
    exec(code, module.__dict__)
    return module


_wide_seen = [False]


def _chk(v):
    if type(v) is int and not (I64_MIN <= v <= I64_MAX):
        _wide_seen[0] = True
    return v


class _WidthProbe(ast.NodeTransformer):
    def _wrap(self, node):
        call = ast.Call(func=ast.Name(id='__portalis_chk__', ctx=ast.Load()), args=[node], keywords=[])
        return ast.copy_location(call, node)

    def visit_BinOp(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_Call(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_Constant(self, node):
        if type(node.value) is int and not (I64_MIN <= node.value <= I64_MAX):
            return self._wrap(node)
        return node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        if isinstance(node.target, ast.Name):
            check = ast.Expr(value=self._wrap(ast.Name(id=node.target.id, ctx=ast.Load())))
            return [node, ast.copy_location(check, node)]
        return node


def main():
    name = MODULE_NAME
    if name in sys.modules or name in getattr(sys, 'stdlib_module_names', ()):
        name = '__portalis_' + name
    box = []
    loaded = run_timed(lambda: box.append(load(name, MODULE_PATH)))
    if loaded['k'] == 'timeout':
        send({'importError': {'type': 'TimeoutError', 'message': 'importing the module ran past the time limit'}})
        return
    if loaded['k'] == 'exc':
        send({'importError': {'type': loaded['type'], 'message': loaded['message']}})
        return
    module = box[0]
    probe_box = []
    functions = sorted(k for k, v in vars(module).items() if callable(v) and not k.startswith('_'))
    send({'ready': True, 'version': platform.python_version(), 'executable': sys.executable, 'functions': functions})

    for line in PROTO_IN:
        if not line.strip():
            continue
        req = json.loads(line)
        reply = {'id': req['id']}
        try:
            args = [decode(a) for a in req['args']]
            deep = bool(req.get('deep'))
            returns = req.get('returns')
            if req['op'] == 'call':
                fn = getattr(module, req['fn'])
                thunk = lambda: run_timed(lambda: fn(*args), returns)
                reply['outcome'] = with_recursion_limit(DEEP_LIMIT, thunk) if deep else thunk()
            elif req['op'] == 'probe':
                if not probe_box:
                    probe_box.append(load(name + '__portalis_probe', MODULE_PATH, _WidthProbe()))
                fn = getattr(probe_box[0], req['fn'])
                _wide_seen[0] = False
                thunk = lambda: run_timed(lambda: fn(*args), returns)
                reply['outcome'] = with_recursion_limit(DEEP_LIMIT, thunk) if deep else thunk()
                reply['wide'] = _wide_seen[0]
            else:
                raise ValueError('unknown op ' + repr(req['op']))
        except Exception as e:
            reply['harnessError'] = '%s: %s' % describe_exc(e)
        send(reply)


main()
`;
