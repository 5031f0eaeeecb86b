// SPDX-License-Identifier: LGPL-2.1-or-later
// Every IDL function (libvirt.so, libvirt-qemu.so, libvirt-lxc.so) reaches Java: generated or custom (a
// method or constructor of that name exists in org.libvirt), a handle's
// lifecycle, or skipped with its reason; the ones the generator cannot
// make yet are TODO lines.  Unnumbered TAP: java-test.sh numbers it.
// Usage: java Coverage IDL coverage.tsv
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Coverage {
    public static void main(String[] args) throws Exception {
        TreeSet<String> idl = new TreeSet<>();
        Pattern fn = Pattern.compile("<function name=\"(\\w+)\" file=\"([\\w-]+)\"");
        for (String line : Files.readAllLines(Paths.get(args[0]))) {
            Matcher m = fn.matcher(line);
            if (m.find())
                idl.add(m.group(1));
        }
        Map<String, String[]> rows = new TreeMap<>();
        Map<String, Integer> count = new TreeMap<>();
        for (String line : Files.readAllLines(Paths.get(args[1]))) {
            if (line.startsWith("#"))
                continue;
            String[] r = line.split("\t", -1);
            if (rows.put(r[0], r) != null)
                System.out.println("not ok - " + r[0] + " listed twice");
            count.merge(r[1], 1, Integer::sum);
        }
        for (String f : idl) {
            String[] r = rows.get(f);
            if (r == null) {
                System.out.println("not ok - " + f + " is in coverage.tsv");
                continue;
            }
            String how = r[1], cls = r[2], name = r[3], note = r[4];
            switch (how) {
            case "generated":
            case "custom":
                // one function may give several methods: a/b
                boolean found = true;
                for (String n : name.split("/"))
                    found &= has(cls, n);
                System.out.println((found ? "ok" : "not ok") + " - " + f +
                                   ": " + cls + "." + name + " (" + how + ")");
                break;
            case "skip":
            case "lifecycle":
                System.out.println((note.isEmpty() ? "not ok" : "ok") + " - " +
                                   f + ": " + how + ", because " + note);
                break;
            case "todo":
                System.out.println("not ok - " + f + " is bound # TODO " +
                                   "not generated yet: " + note);
                break;
            default:
                System.out.println("not ok - " + f + ": unknown way " + how);
            }
        }
        boolean extra = false;
        for (String f : rows.keySet())
            extra |= !idl.contains(f);
        System.out.println((extra ? "not ok" : "ok") +
                           " - coverage.tsv lists only IDL functions");
        System.out.println("# coverage: " + count + " of " + idl.size() +
                           " functions");
    }

    static boolean has(String cls, String name) {
        try {
            Class<?> c = Class.forName("org.libvirt." + cls);
            if (name.equals(cls)) {
                for (Constructor<?> k : c.getDeclaredConstructors())
                    if (java.lang.reflect.Modifier.isPublic(k.getModifiers()))
                        return true;
                return false;
            }
            for (Method m : c.getMethods())
                if (m.getName().equals(name))
                    return true;
            return false;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
