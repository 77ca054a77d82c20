"""Keep a process off the network: the engine-level guard behind the server's SERVICE/LOAD ban.

The server refuses ``SERVICE`` and ``LOAD`` by reading the request, but a reading of the text
can differ from the parser that runs it (a comment ended by ``\\r`` once hid a ``SERVICE`` from
us and not from Oxigraph). So the processes that run requests also lose the ability to open
internet sockets: a seccomp filter makes ``socket(AF_INET|AF_INET6, ...)`` fail with EACCES.
Whatever the engine parses, it cannot reach another server. Unix-domain sockets (the pipe to the
parent) keep working. On other systems or architectures :func:`deny_network` returns False and
the text check stands alone.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import socket
import struct
import sys

# Linux UAPI constants (linux/seccomp.h, linux/filter.h, linux/audit.h, linux/prctl.h).
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_SECCOMP_RET_ALLOW = 0x7FFF0000
_SECCOMP_RET_ERRNO = 0x00050000
_BPF_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_BPF_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_BPF_RET_K = 0x06  # BPF_RET | BPF_K
# (audit arch, syscall number of socket) per machine
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}
# offsets into struct seccomp_data: nr (int), arch (u32), ip (u64), args[6] (u64, little endian)
_NR, _ARCH, _ARG0 = 0, 4, 16


class _Filter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Filter))]


def _program(arch: int, socket_nr: int) -> list[tuple[int, int, int, int]]:
    deny = _SECCOMP_RET_ERRNO | errno.EACCES
    return [
        (_BPF_LD_W_ABS, 0, 0, _ARCH),
        (_BPF_JEQ_K, 1, 0, arch),  # another ABI (e.g. 32-bit calls): let it be
        (_BPF_RET_K, 0, 0, _SECCOMP_RET_ALLOW),
        (_BPF_LD_W_ABS, 0, 0, _NR),
        (_BPF_JEQ_K, 0, 5, socket_nr),  # not socket(): allow (last rule)
        (_BPF_LD_W_ABS, 0, 0, _ARG0),  # low 32 bits of the domain argument
        (_BPF_JEQ_K, 2, 0, socket.AF_INET),
        (_BPF_JEQ_K, 1, 0, socket.AF_INET6),
        (_BPF_RET_K, 0, 0, _SECCOMP_RET_ALLOW),
        (_BPF_RET_K, 0, 0, deny),
        (_BPF_RET_K, 0, 0, _SECCOMP_RET_ALLOW),
    ]


def deny_network() -> bool:
    """Forbid this process (and its children) to open IPv4/IPv6 sockets; True if in force."""
    machine = platform.machine()
    if not sys.platform.startswith("linux") or machine not in _ARCHES or struct.calcsize("P") != 8:
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        rules = _program(*_ARCHES[machine])
        array = (_Filter * len(rules))(*[_Filter(*r) for r in rules])
        prog = _Program(len(rules), ctypes.cast(array, ctypes.POINTER(_Filter)))
        libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return False
        if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.addressof(prog), 0, 0) != 0:
            return False
    except (OSError, AttributeError):
        return False
    return network_denied()


def network_denied() -> bool:
    """True if this process cannot open an internet socket (the filter is in force)."""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    except PermissionError:
        return True
    except OSError:
        return False
    return False
