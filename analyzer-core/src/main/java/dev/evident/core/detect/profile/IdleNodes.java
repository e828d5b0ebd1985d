package dev.evident.core.detect.profile;

import dev.evident.core.model.Profile;

/** Public access to which nodes of a profile hold idle waiting (see {@link IdleFrames}). */
public final class IdleNodes {
    private IdleNodes() {
    }

    public static boolean[] of(Profile profile, FrameClassifier classifier) {
        return IdleFrames.idleSelf(profile.tree(), profile.frames(), classifier);
    }
}
