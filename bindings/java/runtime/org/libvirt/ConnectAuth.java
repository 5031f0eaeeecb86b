// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

/** Answers the credentials a connection asks for: list the types in
 * credType, fill each Credential's result in callback. */
public abstract class ConnectAuth {
    /** The credential types, in the order of virConnectCredentialType
     * (which starts at 1). */
    public enum CredentialType {
        VIR_CRED_NONE,
        VIR_CRED_USERNAME,
        VIR_CRED_AUTHNAME,
        VIR_CRED_LANGUAGE,
        VIR_CRED_CNONCE,
        VIR_CRED_PASSPHRASE,
        VIR_CRED_ECHOPROMPT,
        VIR_CRED_NOECHOPROMPT,
        VIR_CRED_REALM,
        VIR_CRED_EXTERNAL;

        public int mapToInt() {
            return ordinal();
        }

        public static CredentialType mapFromInt(final int t) {
            CredentialType[] all = values();
            return t > 0 && t < all.length ? all[t] : VIR_CRED_NONE;
        }
    }

    /** One question: its type, prompt, challenge and default; the answer
     * goes in result. */
    public static class Credential {
        public CredentialType type;
        public String prompt;
        public String challenge;
        public String defresult;
        public String result;

        Credential(final int type, final String prompt,
                   final String challenge, final String defresult) {
            this.type = CredentialType.mapFromInt(type);
            this.prompt = prompt;
            this.challenge = challenge;
            this.defresult = defresult;
        }
    }

    /** The credential types this object can answer. */
    public CredentialType[] credType;

    /** Fill in each cred's result; 0 on success, -1 to refuse. */
    public abstract int callback(Credential[] cred);
}
