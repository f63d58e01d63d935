"""Measures a pystone-style mix: record objects, many small procedures, int/str/list ops."""


class Record:
    def __init__(self, discr: int, int_comp: int, str_comp: str) -> None:
        self.discr: int = discr
        self.enum_comp: int = 0
        self.int_comp: int = int_comp
        self.str_comp: str = str_comp


class State:
    def __init__(self) -> None:
        self.int_glob: int = 0
        self.bool_glob: bool = False
        self.arr1: list[int] = [0] * 51
        self.arr2: list[list[int]] = [[0] * 51 for _ in range(51)]


def proc7(a: int, b: int) -> int:
    return a + b + 2


def proc6(enum_val: int, st: State) -> int:
    if enum_val == 1 and st.int_glob > 100:
        return 0
    return enum_val + 1 if enum_val < 4 else 1


def proc8(st: State, a: int, b: int) -> None:
    loc: int = a + 5
    st.arr1[loc] = b
    st.arr1[loc + 1] = st.arr1[loc]
    st.arr1[loc + 30] = loc
    for i in range(loc, loc + 2):
        st.arr2[loc][i] = loc
    st.arr2[loc][loc - 1] += 1
    st.arr2[loc + 20][loc] = st.arr1[loc]
    st.int_glob = 5


def func2(s1: str, s2: str) -> bool:
    return s1[9] == s2[10] or s1 > s2


def proc1(rec: Record, nxt: Record, st: State, i: int) -> None:
    nxt.int_comp = rec.int_comp
    nxt.discr = rec.discr
    nxt.enum_comp = proc6(rec.enum_comp, st)
    nxt.str_comp = rec.str_comp[:18] + str(i % 7)
    if nxt.discr == 1:
        nxt.int_comp = proc7(nxt.int_comp, 10) - 12
        rec.enum_comp = nxt.enum_comp
    else:
        rec.int_comp = nxt.int_comp


def run(loops: int) -> int:
    st: State = State()
    glob: Record = Record(1, 40, "DHRYSTONE PROGRAM, SOME STRING")
    nxt: Record = Record(0, 0, "")
    s1: str = "DHRYSTONE PROGRAM, 1'ST STRING"
    checksum: int = 0
    for i in range(loops):
        int1: int = 2
        int2: int = 3
        int3: int = 0
        st.bool_glob = not func2(s1, "DHRYSTONE PROGRAM, 2'ND STRING")
        while int1 < int2:
            int3 = proc7(int1, int2) + 5 * int1 - int2
            int1 += 1
        proc8(st, int1, int3)
        proc1(glob, nxt, st, i)
        int2 = int2 * int1
        int1 = int2 // int3
        int2 = 7 * (int2 - int3) - int1
        checksum = (checksum * 31 + int1 + int2 + nxt.enum_comp + len(nxt.str_comp)) & 0xFFFFFF
    return checksum + st.arr2[8][7] + st.arr1[8] + st.int_glob + int(st.bool_glob)


def main() -> None:
    print(run(800_000))


if __name__ == "__main__":
    main()
