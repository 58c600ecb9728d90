package io.github.nsglint.core.load;

import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JNull;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JUnknown;
import io.github.nsglint.core.model.Field;
import io.github.nsglint.core.model.OperatingSystem;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A VM's operating system as its template states it, never guessed. In order: {@code storageProfile.osDisk.osType};
 * {@code osProfile.windowsConfiguration} or {@code linuxConfiguration}; the marketplace image's publisher (and for a
 * few publishers its offer) in a small table, documented in docs/virtual-machines.md. A known answer wins over an
 * unknown one (a parameter without a value); with no known answer, an unknown one makes the OS Unknown; with
 * neither, the OS is not told (Absent), and {@link Reading#basis()} says why.
 */
final class OperatingSystems {

    private OperatingSystems() {
    }

    /** The OS, and what it was read from or why it is not known. */
    record Reading(Field<OperatingSystem> os, String basis) {
    }

    /** Publishers whose every image is one OS. */
    private static final Map<String, OperatingSystem> PUBLISHERS = Map.ofEntries(
            Map.entry("microsoftwindowsserver", OperatingSystem.WINDOWS),
            Map.entry("microsoftwindowsdesktop", OperatingSystem.WINDOWS),
            Map.entry("microsoftvisualstudio", OperatingSystem.WINDOWS),
            Map.entry("microsoftwindowsserverhpcpack", OperatingSystem.WINDOWS),
            Map.entry("microsoftbiztalkserver", OperatingSystem.WINDOWS),
            Map.entry("microsoftsharepoint", OperatingSystem.WINDOWS),
            Map.entry("canonical", OperatingSystem.LINUX),
            Map.entry("redhat", OperatingSystem.LINUX),
            Map.entry("suse", OperatingSystem.LINUX),
            Map.entry("debian", OperatingSystem.LINUX),
            Map.entry("openlogic", OperatingSystem.LINUX),
            Map.entry("kinvolk", OperatingSystem.LINUX),
            Map.entry("almalinux", OperatingSystem.LINUX),
            Map.entry("resf", OperatingSystem.LINUX),
            Map.entry("microsoftcblmariner", OperatingSystem.LINUX));

    /**
     * @param props a VM's {@code properties}, or a scale set's {@code virtualMachineProfile}
     */
    static Reading of(JNode props) {
        if (props instanceof JUnknown u) {
            return new Reading(Field.unknown(u.reason(), u.location()), "its properties are not known");
        }
        JNode storage = Fields.member(props, "storageProfile");
        Field<?> firstUnknown = null;
        String unknownBasis = null;

        // 1. The OS disk's own type (a disk attached or made from an image).
        JNode osDisk = Fields.member(storage, "osDisk");
        Field<String> osType = Fields.string(osDisk, "osType");
        if (storage instanceof JUnknown u) {
            osType = Field.unknown(u.reason(), u.location());
        }
        if (osType instanceof Field.Known<String> k) {
            Optional<OperatingSystem> os = OperatingSystem.parse(k.value());
            if (os.isPresent()) {
                return new Reading(Field.known(os.get()), "storageProfile.osDisk.osType");
            }
            JNode at = Fields.member(osDisk, "osType");
            return new Reading(Field.invalid(k.value(), "osType must be Windows or Linux", at.location()),
                    "storageProfile.osDisk.osType '" + k.value() + "' is neither Windows nor Linux");
        }
        if (osType instanceof Field.Unknown<String> u) {
            firstUnknown = u;
            unknownBasis = "storageProfile.osDisk.osType";
        }

        // 2. The OS profile's configuration block: Azure takes one of the two.
        JNode profile = Fields.member(props, "osProfile");
        if (profile instanceof JUnknown u) {
            if (firstUnknown == null) {
                firstUnknown = Field.unknown(u.reason(), u.location());
                unknownBasis = "osProfile";
            }
        } else {
            JNode windows = Fields.member(profile, "windowsConfiguration");
            JNode linux = Fields.member(profile, "linuxConfiguration");
            boolean isWindows = windows != null && !(windows instanceof JNull) && !(windows instanceof JUnknown);
            boolean isLinux = linux != null && !(linux instanceof JNull) && !(linux instanceof JUnknown);
            if (isWindows != isLinux) {
                return new Reading(Field.known(isWindows ? OperatingSystem.WINDOWS : OperatingSystem.LINUX),
                        "osProfile." + (isWindows ? "windowsConfiguration" : "linuxConfiguration"));
            }
            JNode unknownConfig = windows instanceof JUnknown ? windows : linux instanceof JUnknown ? linux : null;
            if (!isWindows && unknownConfig instanceof JUnknown u && firstUnknown == null) {
                firstUnknown = Field.unknown(u.reason(), u.location());
                unknownBasis = "osProfile";
            }
        }

        // 3. The marketplace image.
        JNode image = Fields.member(storage, "imageReference");
        String notTold = "the template does not state the OS (no osDisk.osType, no osProfile configuration, no"
                + " marketplace image)";
        if (image instanceof JUnknown u) {
            if (firstUnknown == null) {
                firstUnknown = Field.unknown(u.reason(), u.location());
                unknownBasis = "storageProfile.imageReference";
            }
        } else if (image instanceof JObject) {
            Field<String> publisher = Fields.string(image, "publisher");
            Field<String> offer = Fields.string(image, "offer");
            if (publisher instanceof Field.Known<String> p) {
                Optional<OperatingSystem> os = fromImage(p.value(), offer.known().orElse(""));
                if (os.isPresent()) {
                    return new Reading(Field.known(os.get()), "image " + p.value() + "/" + offer.known().orElse("?"));
                }
                if (offer instanceof Field.Unknown<String> u && firstUnknown == null && needsOffer(p.value())) {
                    firstUnknown = u;
                    unknownBasis = "storageProfile.imageReference.offer";
                }
                notTold = "image publisher '" + p.value() + "' (offer '" + offer.known().orElse("?")
                        + "') is not in nsglint's table of images";
            } else if (publisher instanceof Field.Unknown<String> u) {
                if (firstUnknown == null) {
                    firstUnknown = u;
                    unknownBasis = "storageProfile.imageReference.publisher";
                }
            } else if (Fields.member(image, "id") != null || Fields.member(image, "sharedGalleryImageId") != null
                    || Fields.member(image, "communityGalleryImageId") != null) {
                notTold = "a custom or gallery image: its OS is not in the template";
            }
        }
        if (firstUnknown instanceof Field.Unknown<?> u) {
            return new Reading(Field.unknown("the OS is not known: " + unknownBasis + " is not known: " + u.reason(),
                    u.location()), unknownBasis + " is not known");
        }
        return new Reading(Field.absent(), notTold);
    }

    private static boolean needsOffer(String publisher) {
        String p = publisher.toLowerCase(Locale.ROOT);
        return p.equals("microsoftsqlserver") || p.equals("oracle");
    }

    /** The table: a publisher of one OS, or for SQL Server and Oracle images, the offer. */
    static Optional<OperatingSystem> fromImage(String publisher, String offer) {
        String p = publisher.toLowerCase(Locale.ROOT).trim();
        String o = offer.toLowerCase(Locale.ROOT).trim();
        OperatingSystem os = PUBLISHERS.get(p);
        if (os != null) {
            return Optional.of(os);
        }
        if (p.equals("microsoftsqlserver")) {
            if (o.matches(".*-ws\\d{4}.*")) {
                return Optional.of(OperatingSystem.WINDOWS);
            }
            if (o.contains("ubuntu") || o.contains("rhel") || o.contains("sles")) {
                return Optional.of(OperatingSystem.LINUX);
            }
        }
        if (p.equals("oracle") && o.startsWith("oracle-linux")) {
            return Optional.of(OperatingSystem.LINUX);
        }
        return Optional.empty();
    }
}
