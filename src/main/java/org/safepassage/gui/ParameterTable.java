package org.safepassage.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.table.AbstractTableModel;
import javax.swing.table.DefaultTableCellRenderer;
import org.safepassage.scenario.BehaviourParameters;
import org.safepassage.scenario.Parameter;
import org.safepassage.scenario.ScenarioParameters;

/**
 * The parameter inspector (the Console's <i>Parameters</i> tab): every behaviour parameter from
 * its descriptor ({@link BehaviourParameters}: key path, default, range, unit, meaning) with the
 * value the scenario gives it, then the numbers of the scenario's facts from theirs
 * ({@link ScenarioParameters}), grouped by section under a heading row, one row per list item
 * ({@code corridors[West gate].widthMetres}). Behaviour values are edited while the run is
 * stopped and checked against the descriptor's range as they are typed; a value outside it is
 * refused with a message. The changed values become key-path overrides of the next run, as
 * {@code --set} would give them. The facts are shown read-only, as the file and the command
 * line give them: they are the episode's or design's own, changed in its file or with
 * {@code --set}.
 */
final class ParameterTable extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final Color CHANGED = new Color(0xdbeafe);
    private static final Color HEADING = new Color(0xe5e7eb);
    private static final String[] COLUMNS = {"parameter", "value", "unit", "range", "meaning"};

    /**
     * One line of the table: a section's heading ({@code parameter} null) or a number.
     *
     * @param label what the first column shows
     * @param path the number's key path as {@code --set} spells it (list items by name or index)
     * @param editable true for a behaviour parameter
     */
    record Row(String label, String path, Parameter parameter, boolean editable) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final double[] base;
    private final double[] value;
    private final JLabel message = new JLabel(" ");
    private final JTextArea detail = new JTextArea(3, 30);
    private final Model model = new Model();
    private final JTable table = new JTable(model);
    private volatile boolean editable = true;

    /** @param effective the scenario's every key after extends and overrides ({@code toPlain()}) */
    ParameterTable(Object effective) {
        super(new BorderLayout(4, 4));
        List<Double> given = new ArrayList<>();
        rows.add(new Row("behaviour: editable", null, null, false));
        given.add(Double.NaN);
        for (Parameter p : BehaviourParameters.ALL) {
            rows.add(new Row(p.path().substring("behaviour.".length()), p.path(), p, true));
            given.add(valueIn(effective, p));
        }
        // The facts section by section; within a section, each list item's numbers together.
        Map<String, Map<String, List<Row>>> sections = new LinkedHashMap<>();
        Map<String, Double> facts = new LinkedHashMap<>();
        for (Parameter p : ScenarioParameters.ALL) {
            String section = p.path().substring(0, p.path().indexOf('.')).replace("[]", "");
            for (Map.Entry<String, Double> e : items(effective, p).entrySet()) {
                String path = e.getKey();
                int item = path.indexOf(']');
                String label = path.substring(section.length()).replaceFirst("^\\.", "");
                sections.computeIfAbsent(section, k -> new LinkedHashMap<>())
                        .computeIfAbsent(item < 0 ? "" : path.substring(0, item + 1), k -> new ArrayList<>())
                        .add(new Row(label, path, p, false));
                facts.put(path, e.getValue());
            }
        }
        for (Map.Entry<String, Map<String, List<Row>>> section : sections.entrySet()) {
            rows.add(new Row(section.getKey() + ": read-only", null, null, false));
            given.add(Double.NaN);
            for (List<Row> item : section.getValue().values()) {
                for (Row r : item) {
                    rows.add(r);
                    given.add(facts.get(r.path()));
                }
            }
        }
        base = given.stream().mapToDouble(Double::doubleValue).toArray();
        value = base.clone();
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        JLabel head = new JLabel("<html>Behaviour parameters (docs/ODD.md, section 7), then the scenario's facts by "
                + "section. Edit a behaviour value while the run is stopped; it applies at the next Play. Values "
                + "outside the range are refused. The facts are read-only here.</html>");
        add(head, BorderLayout.NORTH);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(table.getRowHeight() + 2);
        // the parameter and its value in view in the Console's strip; unit and range scroll in beside them
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        table.getColumnModel().getColumn(0).setPreferredWidth(215);
        table.getColumnModel().getColumn(1).setPreferredWidth(62);
        table.getColumnModel().getColumn(2).setPreferredWidth(200);
        table.getColumnModel().getColumn(3).setPreferredWidth(95);
        table.getColumnModel().getColumn(4).setPreferredWidth(420);
        table.setDefaultRenderer(Object.class, new Renderer());
        table.getSelectionModel().addListSelectionListener(e -> showDetail(table.getSelectedRow()));
        add(new JScrollPane(table), BorderLayout.CENTER);
        detail.setEditable(false);
        detail.setLineWrap(true);
        detail.setWrapStyleWord(true);
        detail.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        detail.setBackground(new Color(0xf6f7f9));
        JPanel bottom = new JPanel(new BorderLayout(4, 4));
        bottom.add(detail, BorderLayout.NORTH);
        bottom.add(message, BorderLayout.CENTER);
        JPanel line = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 0, 0));
        JButton reset = new JButton("As in the scenario");
        reset.addActionListener(e -> {
            if (editable) {
                System.arraycopy(base, 0, value, 0, base.length);
                model.fireTableDataChanged();
                say("every parameter as the scenario gives it", false);
            }
        });
        line.add(reset);
        bottom.add(line, BorderLayout.SOUTH);
        add(bottom, BorderLayout.SOUTH);
        showDetail(-1);
    }

    /** The value a scenario's effective tree gives a parameter, or its default when the tree has none. */
    static double valueIn(Object effective, Parameter p) {
        Object at = effective;
        for (String segment : p.path().split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) {
                return p.defaultValue();
            }
            at = m.get(segment);
        }
        return parsed(at, p.defaultValue());
    }

    /**
     * The values a scenario's effective tree gives a fact, by key path with each list item named
     * ({@code corridors[West gate].widthMetres}; by index when it has no usable name): the
     * default where the key is absent, no row where a required key is absent or where a list
     * item lacks the mapping that holds the key (a corridor without transport has no vehicles).
     */
    static Map<String, Double> items(Object effective, Parameter p) {
        Map<String, Double> out = new LinkedHashMap<>();
        walk(effective, p.path().split("\\."), 0, "", false, p, out);
        return out;
    }

    private static void walk(Object at, String[] segments, int i, String prefix, boolean inItem, Parameter p,
            Map<String, Double> out) {
        if (i == segments.length) {
            double v = at == null ? p.defaultValue() : parsed(at, Double.NaN);
            if (!Double.isNaN(v)) {
                out.put(prefix, v);
            }
            return;
        }
        boolean list = segments[i].endsWith("[]");
        String key = list ? segments[i].substring(0, segments[i].length() - 2) : segments[i];
        String path = prefix.isEmpty() ? key : prefix + "." + key;
        Object next = at instanceof Map<?, ?> m ? m.get(key) : null;
        if (list) {
            if (next instanceof List<?> items) {
                for (int n = 0; n < items.size(); n++) {
                    Object name = items.get(n) instanceof Map<?, ?> item ? item.get("name") : null;
                    String label = name instanceof String text && !text.isBlank() && !text.contains("]")
                            && !text.matches("\\d+") ? text : Integer.toString(n);
                    walk(items.get(n), segments, i + 1, path + "[" + label + "]", true, p, out);
                }
            }
            return;
        }
        if (next == null && inItem && i < segments.length - 1) {
            return; // the item has no such mapping
        }
        walk(next, segments, i + 1, path, inItem, p, out);
    }

    /** A scalar of the effective tree (held as the file spells it; the loader has checked it), else {@code otherwise}. */
    private static double parsed(Object at, double otherwise) {
        if (at instanceof Number n) {
            return n.doubleValue();
        }
        if (at instanceof String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    /**
     * Checks a typed value against a parameter's range: null when it is accepted, else the message
     * that refuses it (naming the range and unit).
     */
    static String problem(Parameter p, String typed) {
        double v;
        try {
            v = Double.parseDouble(typed.trim());
        } catch (NumberFormatException e) {
            return p.key() + ": '" + typed.trim() + "' is not a number; expected " + range(p) + " " + p.unit();
        }
        if (!Double.isFinite(v) || v < p.min() || v > p.max()) {
            return p.key() + ": " + typed.trim() + " is outside " + range(p) + " " + p.unit();
        }
        return null;
    }

    static String range(Parameter p) {
        return number(p.min()) + " to " + number(p.max());
    }

    /** A value as typed back: the shortest decimal that reads as the same double. */
    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Editing is allowed while the run is stopped only. */
    void setEditable(boolean on) {
        editable = on;
        if (table.isEditing() && !on) {
            table.getCellEditor().cancelCellEditing();
        }
        table.repaint();
    }

    /** Types a value into a row, as the table's editor does (tests, checkpoints); false when refused. */
    boolean type(String path, String typed) {
        for (int i = 0; i < rows.size(); i++) {
            if (path.equals(rows.get(i).path())) {
                if (!rows.get(i).editable()) {
                    say(path + " is a fact of the scenario, read-only here; change it in the file or with --set", true);
                    return false;
                }
                return set(i, typed);
            }
        }
        say("no parameter " + path, true);
        return false;
    }

    /** The value shown for a key path (list items named as in the table), or null when no row has it. */
    String shown(String path) {
        for (int i = 0; i < rows.size(); i++) {
            if (path.equals(rows.get(i).path())) {
                return number(value[i]);
            }
        }
        return null;
    }

    /** The headings' sections, in the order shown. */
    List<String> sections() {
        return rows.stream().filter(r -> r.parameter() == null).map(r -> r.label().split(":")[0]).toList();
    }

    private boolean set(int row, String typed) {
        Parameter p = rows.get(row).parameter();
        String problem = problem(p, typed);
        if (problem != null) {
            say(problem + "; the value stays " + number(value[row]), true);
            return false;
        }
        value[row] = Double.parseDouble(typed.trim());
        say(p.key() + " = " + number(value[row]) + " " + p.unit() + " at the next Play"
                + (value[row] == base[row] ? " (as in the scenario)" : ""), false);
        model.fireTableRowsUpdated(row, row);
        return true;
    }

    private void say(String text, boolean bad) {
        // wrapped to the Console's strip, so that the whole message shows
        message.setText("<html><div style='width:290px'>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</div></html>");
        message.setForeground(bad ? new Color(0xb91c1c) : new Color(0x166534));
    }

    private void showDetail(int row) {
        if (row < 0) {
            detail.setText("Select a row to see what the parameter means.");
            return;
        }
        Row r = rows.get(row);
        Parameter p = r.parameter();
        if (p == null) {
            detail.setText(r.label().startsWith("behaviour") ? "The behaviour's parameters: the same for every "
                    + "scenario, calibrated on the episodes (docs/CALIBRATION.md)."
                    : "The scenario's facts of section " + r.label().split(":")[0] + " (docs/SCENARIO-FORMAT.md): "
                    + "read-only here; change them in the scenario file or with --set.");
            detail.setCaretPosition(0);
            return;
        }
        detail.setText(r.path() + " (" + p.unit() + "): " + p.meaning() + ". Range " + range(p) + "; default "
                + (p.required() ? "none (required)" : number(p.defaultValue())) + "; the scenario gives "
                + number(base[row]) + "." + (r.editable() ? "" : " Read-only here."));
        detail.setCaretPosition(0);
    }

    /** The overrides of the changed values, as {@code --set} spells them. */
    List<String> overrides() {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < value.length; i++) {
            if (rows.get(i).editable() && value[i] != base[i]) {
                sets.add(rows.get(i).path() + "=" + number(value[i]));
            }
        }
        return sets;
    }

    /** The changed values by key path (a checkpoint's settings). */
    Map<String, Object> changed() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < value.length; i++) {
            if (rows.get(i).editable() && value[i] != base[i]) {
                m.put(rows.get(i).path(), value[i]);
            }
        }
        return m;
    }

    /** Puts back changed values (from a checkpoint); every other value as in the scenario. */
    void restore(Map<?, ?> changed) {
        System.arraycopy(base, 0, value, 0, base.length);
        for (int i = 0; i < value.length; i++) {
            Object v = rows.get(i).editable() ? changed.get(rows.get(i).path()) : null;
            if (v instanceof Number n) {
                value[i] = n.doubleValue();
            }
        }
        model.fireTableDataChanged();
    }

    private final class Model extends AbstractTableModel {
        private static final long serialVersionUID = 1L;

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int c) {
            return COLUMNS[c];
        }

        @Override
        public Object getValueAt(int row, int c) {
            Row r = rows.get(row);
            Parameter p = r.parameter();
            if (p == null) {
                return c == 0 ? r.label() : "";
            }
            return switch (c) {
                case 0 -> r.label();
                case 1 -> number(value[row]);
                case 2 -> p.unit();
                case 3 -> range(p);
                default -> p.meaning();
            };
        }

        @Override
        public boolean isCellEditable(int row, int c) {
            return c == 1 && editable && rows.get(row).editable();
        }

        @Override
        public void setValueAt(Object typed, int row, int c) {
            set(row, String.valueOf(typed));
        }
    }

    private final class Renderer extends DefaultTableCellRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Component getTableCellRendererComponent(JTable t, Object v, boolean selected, boolean focus, int row,
                int column) {
            Component c = super.getTableCellRendererComponent(t, v, selected, focus, row, column);
            Row r = rows.get(row);
            Parameter p = r.parameter();
            if (p == null) {
                if (!selected) {
                    c.setBackground(HEADING);
                }
                c.setFont(c.getFont().deriveFont(Font.BOLD));
                c.setForeground(Color.BLACK);
                setToolTipText(null);
                setHorizontalAlignment(LEFT);
                return c;
            }
            boolean changed = value[row] != base[row];
            if (!selected) {
                c.setBackground(changed ? CHANGED : Color.WHITE);
            }
            c.setFont(c.getFont().deriveFont(changed && column == 1 ? Font.BOLD : Font.PLAIN));
            c.setForeground(column == 1 && (!editable || !r.editable()) ? Color.GRAY : Color.BLACK);
            setToolTipText("<html><b>" + r.path() + "</b> (" + p.unit() + ")<br>" + p.meaning() + "<br>range "
                    + range(p) + ", default " + (p.required() ? "none (required)" : number(p.defaultValue()))
                    + (r.editable() ? "" : "<br>read-only here") + "</html>");
            setHorizontalAlignment(column == 1 ? RIGHT : LEFT);
            return c;
        }
    }
}
