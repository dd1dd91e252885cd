"""tests/connections.py reads strace's rendering of socket addresses right: the closing notes'
proof that the suite stays on the machine rests on it."""

from __future__ import annotations

from tests.connections import destinations, on_the_machine

LOG = "\n".join(
    [
        '101 connect(5, {sa_family=AF_INET, sin_port=htons(8000), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
        '102 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH',
        '103 sendto(3, "\\x12", 1, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = -1',
        '104 connect(4, {sa_family=AF_UNIX, sun_path="/run/x.sock"}, 110) = 0',
        '101 connect(5, {sa_family=AF_INET, sin_port=htons(8000), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
    ]
)


def test_every_inet_destination_is_counted_and_unix_sockets_are_not() -> None:
    assert destinations(LOG) == {
        ("127.0.0.1", 8000): 2,
        ("2001:db8::1", 443): 1,
        ("10.255.255.53", 53): 1,
    }


def test_only_loopback_is_on_the_machine() -> None:
    assert on_the_machine("127.0.0.1") and on_the_machine("127.9.9.9") and on_the_machine("::1")
    assert on_the_machine("::ffff:127.0.0.1")
    assert not on_the_machine("10.255.255.53")
    assert not on_the_machine("2001:db8::1")
    assert not on_the_machine("::ffff:192.0.2.1")
