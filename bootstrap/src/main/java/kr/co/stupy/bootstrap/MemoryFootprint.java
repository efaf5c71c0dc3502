package kr.co.stupy.bootstrap;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * A node started as {@code java -jar stupy.jar} gets the JVM's defaults: a heap that may grow to a
 * quarter of the machine and is never given back, so a burst of traffic leaves a node that then
 * idles at hundreds of megabytes. Unless the operator chose otherwise on the command line, G1 is
 * asked to collect now and then while idle and to keep less free heap, so memory follows the load.
 */
final class MemoryFootprint {

    // Each of these flags is manageable at run time in JDK 25.
    private static final String PERIODIC_GC_MILLIS = "15000";
    private static final String MIN_FREE_PERCENT = "10";
    private static final String MAX_FREE_PERCENT = "30";

    private MemoryFootprint() {
    }

    static void applyDefaults() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
                return;
            }
            // Both ratios move together: setting Min above the current Max (or the reverse) is refused.
            boolean ratiosUntouched = vm.getVMOption("MinHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT
                    && vm.getVMOption("MaxHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT;
            if (ratiosUntouched) {
                vm.setVMOption("MinHeapFreeRatio", MIN_FREE_PERCENT);
                vm.setVMOption("MaxHeapFreeRatio", MAX_FREE_PERCENT);
            }
            if (vm.getVMOption("G1PeriodicGCInterval").getOrigin() == VMOption.Origin.DEFAULT) {
                vm.setVMOption("G1PeriodicGCInterval", PERIODIC_GC_MILLIS);
            }
        } catch (RuntimeException e) {
            // Another JVM or a locked-down one: its own defaults serve.
            System.err.println("stupy: keeping the JVM's memory defaults (" + e.getMessage() + ")");
        }
    }
}
