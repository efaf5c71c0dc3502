package kr.co.stupy.bootstrap;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * A node started as {@code java -jar stupy.jar} gets the JVM's defaults: a heap that may grow to a
 * quarter of the machine and is never given back, so a burst of traffic leaves a node that then
 * idles at hundreds of megabytes. Unless the operator chose otherwise on the command line, G1 is
 * asked to collect now and then while idle and to keep less free heap, so memory follows the load.
 */
final class MemoryFootprint {

    /** Flag → value; each is manageable at run time in JDK 25. */
    private static final Map<String, String> IDLE_FRIENDLY = Map.of(
            "G1PeriodicGCInterval", "15000",
            "MinHeapFreeRatio", "10",
            "MaxHeapFreeRatio", "30");

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
                vm.setVMOption("MinHeapFreeRatio", IDLE_FRIENDLY.get("MinHeapFreeRatio"));
                vm.setVMOption("MaxHeapFreeRatio", IDLE_FRIENDLY.get("MaxHeapFreeRatio"));
            }
            if (vm.getVMOption("G1PeriodicGCInterval").getOrigin() == VMOption.Origin.DEFAULT) {
                vm.setVMOption("G1PeriodicGCInterval", IDLE_FRIENDLY.get("G1PeriodicGCInterval"));
            }
        } catch (RuntimeException e) {
            // Another JVM or a locked-down one: its own defaults serve.
            System.err.println("stupy: keeping the JVM's memory defaults (" + e.getMessage() + ")");
        }
    }
}
