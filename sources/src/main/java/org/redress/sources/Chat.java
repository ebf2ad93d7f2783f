package org.redress.sources;

import java.util.Objects;

/**
 * The chat a post was read from, as the export names it.
 *
 * @param id the chat's numeric id as exported (bare id in full exports), or {@link #UNKNOWN_ID}
 * @param name the chat's display name; empty when the export gives none (saved messages, or a
 *     deleted account)
 * @param type the export's chat type: {@code personal_chat}, {@code bot_chat}, {@code
 *     private_group}, {@code private_supergroup}, {@code public_supergroup}, {@code
 *     private_channel}, {@code public_channel}, {@code saved_messages}, {@code replies}; for HTML
 *     exports, which say less, the chat list's word: {@code private}, {@code bot}, {@code group} or
 *     {@code channel}; empty when absent
 * @param export where the chat was read from: the {@code result.json} path, {@code
 *     archive.zip!/ChatExport_x/result.json} for an export inside a ZIP
 */
public record Chat(long id, String name, String type, String export) {
  /** The id of a chat whose export does not say (Telegram never uses 0). */
  public static final long UNKNOWN_ID = 0;

  /** Checks that no component is null. */
  public Chat {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(export, "export");
  }

  /** True for channels (broadcast: only admins post). */
  public boolean isChannel() {
    return type.endsWith("_channel") || type.equals("channel");
  }

  /** True for groups and supergroups. */
  public boolean isGroup() {
    return type.endsWith("_group") || type.endsWith("_supergroup") || type.equals("group");
  }
}
