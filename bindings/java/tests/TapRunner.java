// SPDX-License-Identifier: LGPL-2.1-or-later
// Runs JUnit 4 test classes and prints one unnumbered TAP line per test
// (java-test.sh numbers them): "ok - Class.method", "not ok - ..." with
// the failure as comments.
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

public class TapRunner {
    public static void main(String[] args) throws Exception {
        JUnitCore core = new JUnitCore();
        core.addListener(new RunListener() {
            private boolean failed;

            @Override
            public void testStarted(Description d) {
                failed = false;
            }

            @Override
            public void testFailure(Failure f) {
                failed = true;
                System.out.println("not ok - " + name(f.getDescription()));
                String[] lines = f.getTrace().split("\n");
                for (int i = 0; i < lines.length && i < 8; i++)
                    System.out.println("# " + lines[i]);
            }

            @Override
            public void testAssumptionFailure(Failure f) {
                failed = true;          // reported here, not as a pass
                System.out.println("ok - " + name(f.getDescription()) +
                                   " # SKIP " + f.getMessage());
            }

            @Override
            public void testIgnored(Description d) {
                System.out.println("ok - " + name(d) + " # SKIP ignored");
            }

            @Override
            public void testFinished(Description d) {
                if (!failed)
                    System.out.println("ok - " + name(d));
            }
        });
        Class<?>[] classes = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++)
            classes[i] = Class.forName(args[i]);
        core.run(classes);
    }

    static String name(Description d) {
        return d.getTestClass().getSimpleName() + "." + d.getMethodName();
    }
}
