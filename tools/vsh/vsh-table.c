/* vsh-table.c: left-aligned text tables with a dashed header rule.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Layout (matching virsh): each row starts with one space, columns are
 * separated by three spaces and padded to the widest cell, except the
 * last column which is never padded; the rule under the header is as
 * long as the sum of (column width + 3).  Widths count terminal columns,
 * and bytes that cannot be shown are written as \xNN.  In quiet mode the
 * header and rule are left out and only the data decides the widths.
 */
#include <config.h>

#include <stdio.h>

#include "vsh.h"

typedef struct {
    char *text;
    size_t width;
} vshTableCell;

struct _vshTable {
    GPtrArray *rows;    /* GArray of vshTableCell; row 0 is the header */
    size_t ncols;
};


/* Copy @str making every unprintable byte visible, and measure it. */
static void
vshTableCellInit(vshTableCell *cell, const char *str)
{
    GString *buf = g_string_new(NULL);
    const char *p = str ? str : "";
    size_t width = 0;

    while (*p) {
        gunichar c = g_utf8_get_char_validated(p, -1);

        if (c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_isprint(c)) {
            const char *next = (c == (gunichar)-1 || c == (gunichar)-2) ?
                p + 1 : g_utf8_next_char(p);
            for (; p < next; p++) {
                g_string_append_printf(buf, "\\x%02x", (unsigned char)*p);
                width += 4;
            }
            continue;
        }
        if (g_unichar_iswide(c))
            width += 2;
        else if (!g_unichar_iszerowidth(c))
            width += 1;
        g_string_append_len(buf, p, g_utf8_next_char(p) - p);
        p = g_utf8_next_char(p);
    }
    cell->text = g_string_free(buf, FALSE);
    cell->width = width;
}


static void
vshTableCellClear(gpointer data)
{
    vshTableCell *cell = data;

    g_free(cell->text);
}


static void
vshTableRowFree(gpointer data)
{
    g_array_unref(data);
}


static GArray *
vshTableRowNew(const char *first, va_list ap)
{
    GArray *row = g_array_new(FALSE, TRUE, sizeof(vshTableCell));
    const char *str;

    g_array_set_clear_func(row, vshTableCellClear);
    for (str = first; str; str = va_arg(ap, const char *)) {
        vshTableCell cell;
        vshTableCellInit(&cell, str);
        g_array_append_val(row, cell);
    }
    return row;
}


vshTable *
vshTableNew(const char *first, ...)
{
    vshTable *table = g_new0(vshTable, 1);
    GArray *row;
    va_list ap;

    va_start(ap, first);
    row = vshTableRowNew(first, ap);
    va_end(ap);

    table->rows = g_ptr_array_new_with_free_func(vshTableRowFree);
    table->ncols = row->len;
    g_ptr_array_add(table->rows, row);
    return table;
}


void
vshTableAppend(vshTable *table, const char *first, ...)
{
    GArray *row;
    va_list ap;

    va_start(ap, first);
    row = vshTableRowNew(first, ap);
    va_end(ap);

    /* a short row is padded with empty cells; a long one is cut */
    while (row->len < table->ncols) {
        vshTableCell cell;
        vshTableCellInit(&cell, "");
        g_array_append_val(row, cell);
    }
    if (row->len > table->ncols)
        g_array_set_size(row, table->ncols);
    g_ptr_array_add(table->rows, row);
}


static void
vshTablePrintRow(GString *out, GArray *row, const size_t *widths)
{
    size_t i;

    for (i = 0; i < row->len; i++) {
        const vshTableCell *cell = &g_array_index(row, vshTableCell, i);

        g_string_append(out, i == 0 ? " " : "   ");
        g_string_append(out, cell->text);
        if (i + 1 < row->len) {
            size_t pad;
            for (pad = cell->width; pad < widths[i]; pad++)
                g_string_append_c(out, ' ');
        }
    }
    g_string_append_c(out, '\n');
}


void
vshTablePrint(vshControl *ctl, vshTable *table)
{
    g_autofree size_t *widths = g_new0(size_t, table->ncols);
    g_autoptr(GString) out = g_string_new(NULL);
    size_t first = ctl->quiet ? 1 : 0;
    size_t total = 0;
    size_t i, j;

    for (i = first; i < table->rows->len; i++) {
        GArray *row = g_ptr_array_index(table->rows, i);
        for (j = 0; j < row->len; j++) {
            const vshTableCell *cell = &g_array_index(row, vshTableCell, j);
            if (cell->width > widths[j])
                widths[j] = cell->width;
        }
    }

    if (!ctl->quiet) {
        vshTablePrintRow(out, g_ptr_array_index(table->rows, 0), widths);
        for (j = 0; j < table->ncols; j++)
            total += widths[j] + 3;
        for (j = 0; j < total; j++)
            g_string_append_c(out, '-');
        g_string_append_c(out, '\n');
    }
    for (i = 1; i < table->rows->len; i++)
        vshTablePrintRow(out, g_ptr_array_index(table->rows, i), widths);

    vshPrint(ctl, "%s", out->str);
}


void
vshTableFree(vshTable *table)
{
    if (!table)
        return;
    g_ptr_array_unref(table->rows);
    g_free(table);
}
