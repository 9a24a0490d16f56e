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

/**
 * The parameter inspector (the Console's <i>Parameters</i> tab): every behaviour parameter from
 * its descriptor ({@link BehaviourParameters}: key path, default, range, unit, meaning) with the
 * value the scenario gives it. Values are edited while the run is stopped and checked against
 * the descriptor's range as they are typed; a value outside it is refused with a message. The
 * changed values become key-path overrides of the next run, as {@code --set} would give them.
 */
final class ParameterTable extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final Color CHANGED = new Color(0xdbeafe);
    private static final String[] COLUMNS = {"parameter", "value", "unit", "range"};

    private final List<Parameter> parameters = BehaviourParameters.ALL;
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
        base = new double[parameters.size()];
        for (int i = 0; i < base.length; i++) {
            base[i] = valueIn(effective, parameters.get(i));
        }
        value = base.clone();
        setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        JLabel head = new JLabel("<html>Behaviour parameters (docs/ODD.md, section 7). Edit a value while the run is "
                + "stopped; it applies at the next Play. Values outside the range are refused.</html>");
        add(head, BorderLayout.NORTH);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setRowHeight(table.getRowHeight() + 2);
        // the parameter and its value in view in the Console's strip; unit and range scroll in beside them
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        table.getColumnModel().getColumn(0).setPreferredWidth(215);
        table.getColumnModel().getColumn(1).setPreferredWidth(62);
        table.getColumnModel().getColumn(2).setPreferredWidth(200);
        table.getColumnModel().getColumn(3).setPreferredWidth(95);
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
        if (at instanceof Number n) {
            return n.doubleValue();
        }
        if (at instanceof String text) {
            // the effective tree holds scalars as the file spells them (the loader has checked them)
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return p.defaultValue();
            }
        }
        return p.defaultValue();
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
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).path().equals(path)) {
                return set(i, typed);
            }
        }
        say("no parameter " + path, true);
        return false;
    }

    private boolean set(int row, String typed) {
        Parameter p = parameters.get(row);
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
        Parameter p = parameters.get(row);
        detail.setText(p.path() + " (" + p.unit() + "): " + p.meaning() + ". Range " + range(p) + "; default "
                + number(p.defaultValue()) + "; the scenario gives " + number(base[row]) + ".");
        detail.setCaretPosition(0);
    }

    /** The overrides of the changed values, as {@code --set} spells them. */
    List<String> overrides() {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < value.length; i++) {
            if (value[i] != base[i]) {
                sets.add(parameters.get(i).path() + "=" + number(value[i]));
            }
        }
        return sets;
    }

    /** The changed values by key path (a checkpoint's settings). */
    Map<String, Object> changed() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < value.length; i++) {
            if (value[i] != base[i]) {
                m.put(parameters.get(i).path(), value[i]);
            }
        }
        return m;
    }

    /** Puts back changed values (from a checkpoint); every other value as in the scenario. */
    void restore(Map<?, ?> changed) {
        System.arraycopy(base, 0, value, 0, base.length);
        for (int i = 0; i < value.length; i++) {
            Object v = changed.get(parameters.get(i).path());
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
            return parameters.size();
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
            Parameter p = parameters.get(row);
            return switch (c) {
                case 0 -> p.path().substring("behaviour.".length());
                case 1 -> number(value[row]);
                case 2 -> p.unit();
                default -> range(p);
            };
        }

        @Override
        public boolean isCellEditable(int row, int c) {
            return c == 1 && editable;
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
            Parameter p = parameters.get(row);
            boolean changed = value[row] != base[row];
            if (!selected) {
                c.setBackground(changed ? CHANGED : Color.WHITE);
            }
            c.setFont(c.getFont().deriveFont(changed && column == 1 ? Font.BOLD : Font.PLAIN));
            c.setForeground(column == 1 && !editable ? Color.GRAY : Color.BLACK);
            setToolTipText("<html><b>" + p.path() + "</b> (" + p.unit() + ")<br>" + p.meaning() + "<br>range "
                    + range(p) + ", default " + number(p.defaultValue()) + "</html>");
            setHorizontalAlignment(column == 1 ? RIGHT : LEFT);
            return c;
        }
    }
}
