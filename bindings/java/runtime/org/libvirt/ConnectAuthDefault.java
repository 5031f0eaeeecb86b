// SPDX-License-Identifier: LGPL-2.1-or-later
package org.libvirt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/** Asks the user on the terminal, showing the prompt; an empty answer
 * takes the default. */
public final class ConnectAuthDefault extends ConnectAuth {
    public ConnectAuthDefault() {
        credType = new CredentialType[] {
            CredentialType.VIR_CRED_AUTHNAME,
            CredentialType.VIR_CRED_ECHOPROMPT,
            CredentialType.VIR_CRED_REALM,
            CredentialType.VIR_CRED_PASSPHRASE,
            CredentialType.VIR_CRED_NOECHOPROMPT,
        };
    }

    @Override
    public int callback(final Credential[] cred) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        try {
            for (Credential c : cred) {
                System.out.print(c.prompt + ": ");
                System.out.flush();
                String line = in.readLine();
                if (line == null)
                    return -1;
                c.result = line.isEmpty() && c.defresult != null ? c.defresult : line;
            }
        } catch (IOException e) {
            return -1;
        }
        return 0;
    }
}
